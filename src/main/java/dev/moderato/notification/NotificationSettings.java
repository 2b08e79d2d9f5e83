package dev.moderato.notification;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are sent.
 *
 * @param from the sender address of every mail
 * @param dispatchInterval how often due mails are picked up
 * @param batchSize mails sent per pick-up
 * @param maxAttempts tries before a mail is kept as failed
 * @param firstRetry delay before the second try; doubles each try
 * @param maxRetry the longest delay between tries
 * @param lease how long one sender owns a mail it picked up before another may try it; a batch's lease is this plus,
 * for each mail in it, the SMTP connect, read and write timeouts, so a stalled server cannot outlast it
 * @param digestZone the time zone whose hours and days bound hourly and daily digests
 * @param digestInterval how often the digest job looks for periods that have ended
 * @param confirmationTtl how long a reply-notification confirmation link works; unconfirmed requests expire then
 * @param confirmationResendAfter the least time between two confirmation mails to one address
 * @param authorMailsPerHour single mails (new and held comments) one post author gets per clock hour (in
 * {@code digest-zone}); the rest of that hour's author mails go into one digest at the end of the hour, so a flood of
 * comments sends a handful of mails, not hundreds
 */
@Validated
@ConfigurationProperties("moderato.notification")
public record NotificationSettings(@DefaultValue("Moderato <moderato@localhost>") @NotBlank String from,
		@DefaultValue("1s") @NotNull Duration dispatchInterval, @DefaultValue("20") @Min(1) int batchSize,
		@DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("30s") @NotNull Duration firstRetry,
		@DefaultValue("1h") @NotNull Duration maxRetry, @DefaultValue("2m") @NotNull Duration lease,
		@DefaultValue("UTC") @NotNull ZoneId digestZone, @DefaultValue("1m") @NotNull Duration digestInterval,
		@DefaultValue("48h") @NotNull Duration confirmationTtl,
		@DefaultValue("24h") @NotNull Duration confirmationResendAfter,
		@DefaultValue("10") @Min(1) int authorMailsPerHour) {

	/** The defaults, with a sender and retry timing of one's own (tests). */
	static NotificationSettings sending(String from, int batchSize, int maxAttempts, Duration firstRetry,
			Duration maxRetry, Duration lease) {
		return new NotificationSettings(from, Duration.ofSeconds(1), batchSize, maxAttempts, firstRetry, maxRetry, lease,
				ZoneId.of("UTC"), Duration.ofMinutes(1), Duration.ofHours(48), Duration.ofHours(24), 10);
	}

	/** These settings with another limit of single author mails per hour (tests). */
	NotificationSettings withAuthorMailsPerHour(int limit) {
		return new NotificationSettings(this.from, this.dispatchInterval, this.batchSize, this.maxAttempts, this.firstRetry,
				this.maxRetry, this.lease, this.digestZone, this.digestInterval, this.confirmationTtl,
				this.confirmationResendAfter, limit);
	}

}
