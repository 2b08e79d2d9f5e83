package dev.moderato.moderation;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How moderation consumes and publishes.
 *
 * @param partitions partitions of {@code comments.moderated}
 * @param replicas replication factor of the topics moderation declares
 * @param concurrency consumer threads for {@code comments.submitted} in one instance
 */
@Validated
@ConfigurationProperties("moderato.moderation")
public record ModerationSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue("1") @Min(1) int concurrency) {
}
