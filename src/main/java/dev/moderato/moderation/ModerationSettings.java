package dev.moderato.moderation;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How moderation consumes and publishes.
 *
 * @param partitions partitions of {@code comments.moderated}
 * @param replicas replication factor of the topics moderation declares
 * @param concurrency consumer threads for {@code comments.submitted} in one instance: the default 6 partitions over the
 * 2 instances the Kubernetes base starts; more than the partitions an instance is assigned idle
 * @param publicUrl the address people reach Moderato at (scheme, host, optional port and path), which every link in a
 * mail starts with: approve/spam/reject, unsubscribe and {@code List-Unsubscribe}, preferences, privacy confirmation.
 * No default: a wrong one makes every link dead, so the service refuses to start without it
 * @param linkTtl how long a one-click link in a mail works
 * @param linkKeys HMAC keys (Base64, at least 32 bytes) for one-click links, by key id; without any, a key is derived
 * from {@code moderato.privacy.hash-key}
 * @param linkActiveKeyId the key id new links are signed with
 */
@Validated
@ConfigurationProperties("moderato.moderation")
public record ModerationSettings(@DefaultValue("6") @Min(1) int partitions, @DefaultValue("1") @Min(1) short replicas,
		@DefaultValue("3") @Min(1) int concurrency,
		@NotBlank(message = PUBLIC_URL_REQUIRED) @Pattern(regexp = "https?://[^/?#\\s]+(/\\S*)?", message = PUBLIC_URL_REQUIRED) String publicUrl,
		@DefaultValue("72h") @NotNull Duration linkTtl, @DefaultValue Map<String, String> linkKeys,
		@DefaultValue("k1") String linkActiveKeyId) {

	static final String PUBLIC_URL_REQUIRED = "must be the absolute http(s) address people reach Moderato at, which every "
			+ "link in a mail starts with: set MODERATO_MODERATION_PUBLIC_URL (moderato.moderation.public-url), "
			+ "e.g. https://comments.blog.example";

	/**
	 * {@code min.insync.replicas} of {@code comments.moderated} and its DLT: with replication, a write (acks=all) needs two copies,
	 * so one broker can be lost without losing an acknowledged record or refusing writes.
	 */
	public String minInSyncReplicas() {
		return this.replicas > 1 ? "2" : "1";
	}

	@Override
	public String toString() {
		return "ModerationSettings[partitions=" + this.partitions + ", publicUrl=" + this.publicUrl + "]";
	}

}
