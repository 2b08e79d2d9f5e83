package dev.moderato.intake;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How intake accepts comments.
 *
 * @param partitions partitions of {@code comments.submitted}: the most moderation consumers that can work in parallel
 * @param replicas replication factor of the topic
 * @param sendTimeout how long a submission waits for Kafka's acknowledgement before it is answered 503
 * @param retryAfter the {@code Retry-After} a 503 suggests
 * @param laneThreshold submissions a second on one post, or from one network, that go to {@code comments.submitted};
 * those beyond it go to the flood lane {@code comments.submitted.flood}, so the others' verdicts never queue behind a
 * flood
 */
@Validated
@ConfigurationProperties("moderato.intake")
public record IntakeSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue("5s") @NotNull Duration sendTimeout, @DefaultValue("5s") @NotNull Duration retryAfter,
		@DefaultValue("20") @Min(1) int laneThreshold) {

	/**
	 * {@code min.insync.replicas} of {@code comments.submitted} and its DLT: with replication, a write (acks=all) needs two copies,
	 * so one broker can be lost without losing an acknowledged record or refusing writes.
	 */
	public String minInSyncReplicas() {
		return this.replicas > 1 ? "2" : "1";
	}

}
