package dev.moderato.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flood lane on Kafka: what goes there is moderated by its own consumers, and the others' submissions stay on
 * {@code comments.submitted}.
 */
@IntegrationTest
class FloodLaneDeliveryTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	SubmissionPublisher publisher;

	@Autowired
	IntakeSettings settings;

	@Autowired
	FloodLane lane;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	Comments comments;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Test
	void aFloodIsModeratedFromItsOwnLaneAndTheOthersStayOnTheirs() {
		String flooded = "flood-" + UUID.randomUUID().toString().substring(0, 8);
		String quiet = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
		Api api = new Api(this.port, this.json);
		api.registerPost(flooded, "Flooded", "Fio", "fio-" + flooded + "@blog.example");
		api.registerPost(quiet, "Quiet", "Qin", "qin-" + quiet + "@blog.example");
		List<CommentSubmitted> flood = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			flood.add(Submissions.submitted(this.privacy, flooded, "Flo", "flo-" + i + "-" + flooded + "@mail.example",
					"Flood comment number " + i));
		}
		CommentSubmitted from = Submissions.submitted(this.privacy, quiet, "Qi", "qi-" + quiet + "@mail.example",
				"An ordinary comment.");
		// from another network than the flood's
		CommentSubmitted ordinary = new CommentSubmitted(from.version(), from.commentId(), from.postId(), null,
				from.authorName(), null, from.email(), from.emailHash(), "203.0.113.0/24", null, from.text(), false,
				from.submittedAt(), false, null);

		// the post has had its threshold's worth this second already: what follows at once is its flood
		for (int i = 0; i < this.settings.laneThreshold(); i++) {
			this.lane.routeOf(Submissions.submitted(this.privacy, flooded, "Flo", "warm@mail.example", "warm-up"));
		}
		flood.forEach(this.publisher::publish);
		this.publisher.publish(ordinary);

		for (CommentSubmitted s : flood) {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.comments.exists(new CommentId(s.commentId())));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.comments.exists(new CommentId(ordinary.commentId())));
		Topics topics = new Topics(this.consumers);
		long inLane = flood.stream()
			.filter(s -> !topics.mentioning(CommentSubmitted.FLOOD_TOPIC, s.commentId().toString()).isEmpty())
			.count();
		assertThat(inLane).as("beyond the threshold (%d a second)", this.settings.laneThreshold()).isPositive();
		assertThat(topics.mentioning(CommentSubmitted.TOPIC, ordinary.commentId().toString())).hasSize(1);
	}


}
