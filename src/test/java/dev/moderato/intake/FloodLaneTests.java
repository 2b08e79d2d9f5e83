package dev.moderato.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.moderato.comments.CommentId;
import dev.moderato.privacy.EncryptedEmail;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood on one post, or from one network, goes beyond the lane threshold to the flood lane, which its own consumers
 * moderate: the flood is still judged, and everybody else's submissions stay on {@code comments.submitted}, never
 * queued behind it.
 */
class FloodLaneTests {

	private static final IntakeSettings THREE_A_SECOND = new IntakeSettings(6, (short) 1, Duration.ofSeconds(5),
			Duration.ofSeconds(5), 3);

	@Test
	void aPostsSubmissionsBeyondTheThresholdGoToTheFloodLaneByCommentId() {
		FloodLane lane = new FloodLane(THREE_A_SECOND);
		List<FloodLane.Route> flood = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			flood.add(lane.routeOf(event("flooded", "198.51." + i + ".0/24")));
		}
		FloodLane.Route other = lane.routeOf(event("quiet", "203.0.113.0/24"));

		assertThat(flood.subList(0, 3)).allSatisfy(r -> assertThat(r).isEqualTo(new FloodLane.Route(CommentSubmitted.TOPIC, "flooded")));
		assertThat(flood.subList(3, 10)).allSatisfy(r -> {
			assertThat(r.topic()).isEqualTo(CommentSubmitted.FLOOD_TOPIC);
			assertThat(r.key()).as("spread over the lane's partitions").isNotEqualTo("flooded");
		});
		assertThat(other).isEqualTo(new FloodLane.Route(CommentSubmitted.TOPIC, "quiet"));
	}

	@Test
	void aNetworksSubmissionsBeyondTheThresholdGoToTheFloodLaneWhateverThePost() {
		FloodLane lane = new FloodLane(THREE_A_SECOND);
		List<String> topics = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			topics.add(lane.routeOf(event("post-" + i, "198.51.100.0/24")).topic());
		}
		assertThat(topics).containsExactly(CommentSubmitted.TOPIC, CommentSubmitted.TOPIC, CommentSubmitted.TOPIC,
				CommentSubmitted.FLOOD_TOPIC, CommentSubmitted.FLOOD_TOPIC, CommentSubmitted.FLOOD_TOPIC);
		assertThat(lane.routeOf(event("post-9", "203.0.113.0/24")).topic()).isEqualTo(CommentSubmitted.TOPIC);
	}

	@Test
	void aPrivateNetworkIsNoFlood() {
		// a proxy's own address (forwarded headers not set up) stands for every commenter behind it
		FloodLane lane = new FloodLane(THREE_A_SECOND);
		for (int i = 0; i < 6; i++) {
			assertThat(lane.routeOf(event("post-" + i, "10.0.0.0/24")).topic()).isEqualTo(CommentSubmitted.TOPIC);
			assertThat(lane.routeOf(event("other-" + i, null)).topic()).isEqualTo(CommentSubmitted.TOPIC);
		}
	}

	private static CommentSubmitted event(String postId, String ipPrefix) {
		Instant now = Instant.now();
		return new CommentSubmitted(CommentSubmitted.VERSION, CommentId.next(now).value(), postId, null, "Flo", null,
				new EncryptedEmail("k1", "x"), "ab".repeat(32), ipPrefix, null, "text", false, now, false, null);
	}

}
