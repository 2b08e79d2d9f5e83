package dev.moderato.gdpr;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention, self-service requests and key rotation. Bound under {@code moderato.privacy.*} with the privacy
 * module's secrets, because operators look for everything about commenter privacy in one place; the secrets stay in
 * the privacy module's own settings.
 *
 * @param ipRetention how long a comment keeps its IP prefix and hash
 * @param heldAndSpamRetention how long held and spam comments are kept unchanged before they are purged
 * @param requestLinkTtl how long a self-service confirmation link works
 * @param requestInterval at most one confirmation mail per address in this interval
 * @param rotationBatchSize comments re-encrypted per transaction by a key rotation
 * @param mailFrom the sender of confirmation mails
 */
@Validated
@ConfigurationProperties("moderato.privacy")
record GdprSettings(@DefaultValue("30d") @NotNull Duration ipRetention,
		@DefaultValue("30d") @NotNull Duration heldAndSpamRetention, @DefaultValue("24h") @NotNull Duration requestLinkTtl,
		@DefaultValue("1h") @NotNull Duration requestInterval,
		@DefaultValue("500") @Min(1) @Max(10000) int rotationBatchSize,
		@DefaultValue("Moderato <moderato@localhost>") @NotBlank String mailFrom) {
}
