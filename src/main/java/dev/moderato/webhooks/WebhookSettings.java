package dev.moderato.webhooks;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How webhooks are called.
 *
 * @param allowPrivateTargets whether a webhook may call plain {@code http} and addresses on loopback, private,
 * link-local or cloud metadata networks; off in production (a webhook must not reach into the service's own network),
 * on in the dev run and tests, whose receivers listen on {@code localhost}
 * @param dispatchInterval how often due deliveries are picked up
 * @param batchSize deliveries sent (in parallel) per pick-up
 * @param maxAttempts tries before a delivery is kept as failed
 * @param retryDelays the wait after the first, second, ... failed try; the last one repeats
 * @param connectTimeout how long a receiver may take to accept the connection
 * @param requestTimeout how long a receiver may take to answer
 * @param maxPerSite webhooks one site may have
 */
@Validated
@ConfigurationProperties("moderato.webhooks")
record WebhookSettings(@DefaultValue("false") boolean allowPrivateTargets,
		@DefaultValue("1s") @NotNull Duration dispatchInterval, @DefaultValue("20") @Min(1) @Max(200) int batchSize,
		@DefaultValue("8") @Min(1) int maxAttempts,
		@DefaultValue({ "30s", "2m", "10m", "1h", "6h" }) @NotEmpty List<Duration> retryDelays,
		@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration requestTimeout,
		@DefaultValue("20") @Min(1) int maxPerSite) {

	/** The wait after the given number of failed tries (1 for the first). */
	Duration retryDelay(int failedAttempts) {
		return this.retryDelays.get(Math.min(Math.max(failedAttempts, 1), this.retryDelays.size()) - 1);
	}

	/**
	 * How long a sender owns a claimed delivery: its calls all end within the connect and request timeouts, then
	 * a margin; no other instance sends it meanwhile.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.requestTimeout).plusSeconds(30);
	}

}
