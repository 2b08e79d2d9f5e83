package dev.moderato.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.moderato.privacy.IpAddress;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which topic a submission goes to: {@code comments.submitted}, unless its post or its network is flooding (more than
 * {@code moderato.intake.lane-threshold} submissions a second, token buckets from bucket4j refilled continuously); the
 * excess goes to the flood lane. Nothing is refused here (the rate limit does that); a flood is only kept from
 * delaying everybody else's verdicts. Buckets live in memory per instance; full ones are dropped.
 */
@Component
class FloodLane {

	private final int perSecond;

	private final Map<String, Bucket> posts = new ConcurrentHashMap<>();

	private final Map<String, Bucket> networks = new ConcurrentHashMap<>();

	FloodLane(IntakeSettings settings) {
		this.perSecond = settings.laneThreshold();
	}

	/** Where this submission goes, and under which key. */
	record Route(String topic, String key) {
	}

	Route routeOf(CommentSubmitted event) {
		boolean postFlooding = !take(this.posts, event.postId());
		String network = event.ipPrefix();
		// a proxy's own network (forwarded headers not set up) would lump every commenter together
		boolean networkFlooding = network != null && !IpAddress.isPrivateNetwork(network) && !take(this.networks, network);
		if (postFlooding || networkFlooding) {
			// by comment id: the flood spreads over every partition of the lane, and so over every consumer of it
			return new Route(CommentSubmitted.FLOOD_TOPIC, event.commentId().toString());
		}
		return new Route(CommentSubmitted.TOPIC, event.postId());
	}

	private boolean take(Map<String, Bucket> buckets, @Nullable String key) {
		if (key == null) {
			return true;
		}
		return buckets.computeIfAbsent(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.perSecond).refillGreedy(this.perSecond, Duration.ofSeconds(1)).build())
			.build()).tryConsume(1);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleBuckets() {
		this.posts.values().removeIf(bucket -> bucket.getAvailableTokens() >= this.perSecond);
		this.networks.values().removeIf(bucket -> bucket.getAvailableTokens() >= this.perSecond);
	}

}
