package dev.moderato.moderation;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.CommentStatus;
import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The review queues as gauges: {@code moderato.moderation.queue.size{queue}} (comments per status) and
 * {@code moderato.moderation.queue.held.age} (seconds the oldest held comment has waited). NaN while the database cannot
 * be read. Read on {@code moderation} instances only. Decisions are counted where they are made, as {@code moderato.moderation.verdicts{verdict, actor}}.
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class ModerationQueueMetrics {

	private static final Logger log = LoggerFactory.getLogger(ModerationQueueMetrics.class);

	private static final ModeratorScope EVERYTHING = new ModeratorScope("metrics", true, null);

	private final ModerationQueues queues;

	private final Clock clock;

	private final Map<CommentStatus, AtomicReference<Double>> sizes = new EnumMap<>(CommentStatus.class);

	private final AtomicReference<Double> heldAge = new AtomicReference<>(Double.NaN);

	ModerationQueueMetrics(ModerationQueues queues, Clock clock, MeterRegistry meters) {
		this.queues = queues;
		this.clock = clock;
		for (CommentStatus status : CommentStatus.values()) {
			if (status == CommentStatus.PENDING) {
				continue;
			}
			AtomicReference<Double> size = new AtomicReference<>(Double.NaN);
			this.sizes.put(status, size);
			Gauge.builder("moderato.moderation.queue.size", size, AtomicReference::get)
				.description("Comments in each moderation queue")
				.tag("queue", status.name().toLowerCase(Locale.ROOT))
				.register(meters);
		}
		Gauge.builder("moderato.moderation.queue.held.age", this.heldAge, AtomicReference::get)
			.description("How long the oldest held comment has waited for a moderator")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${moderato.operations.metrics-refresh:15s}")
	void refresh() {
		try {
			this.queues.counts(EVERYTHING).forEach((status, n) -> {
				AtomicReference<Double> size = this.sizes.get(status);
				if (size != null) {
					size.set(n.doubleValue());
				}
			});
			this.heldAge.set(this.queues.oldestHeldAt()
				.map(at -> Math.max(0, Duration.between(at, this.clock.instant()).toMillis() / 1000.0))
				.orElse(0.0));
		}
		catch (RuntimeException ex) {
			this.sizes.values().forEach(size -> size.set(Double.NaN));
			this.heldAge.set(Double.NaN);
			log.warn("Moderation queue metrics unavailable: {}", ex.toString());
		}
	}

}
