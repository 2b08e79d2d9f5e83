package dev.moderato.moderation;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How moderation consumes and publishes.
 *
 * @param partitions partitions of {@code comments.moderated}
 * @param replicas replication factor of the topics moderation declares
 * @param concurrency consumer threads for {@code comments.submitted} in one instance
 * @param publicUrl the address people reach Moderato at, for links in mails
 * @param linkTtl how long a one-click link in a mail works
 * @param linkKeys HMAC keys (Base64, at least 32 bytes) for one-click links, by key id; without any, a key is derived
 * from {@code moderato.privacy.hash-key}
 * @param linkActiveKeyId the key id new links are signed with
 */
@Validated
@ConfigurationProperties("moderato.moderation")
public record ModerationSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue("1") @Min(1) int concurrency, @DefaultValue("http://localhost:8080") @NotBlank String publicUrl,
		@DefaultValue("72h") @NotNull Duration linkTtl, @DefaultValue Map<String, String> linkKeys,
		@DefaultValue("k1") String linkActiveKeyId) {

	@Override
	public String toString() {
		return "ModerationSettings[partitions=" + this.partitions + ", publicUrl=" + this.publicUrl + "]";
	}

}
