package dev.moderato.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Calls receivers with their due deliveries, outside any transaction: a slow or absent receiver delays its own events,
 * never moderation. A batch is claimed under a lease longer than its calls can take (they run in parallel, each bounded
 * by the connect and request timeouts), so no other instance sends it meanwhile. A {@code 2xx} answer delivers;
 * anything else (another status, a redirect, which is never followed, a timeout, a refused target) is retried after
 * the configured back-off, and kept as failed after the last attempt. On each {@code notification} instance; each
 * delivery is claimed by one.
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION)
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final DeliveryLog deliveries;

	private final WebhookRepository webhooks;

	private final Payloads payloads;

	private final WebhookSettings settings;

	private final TargetPolicy targets;

	private final Clock clock;

	private final MeterRegistry meters;

	private final HttpClient http;

	@Autowired
	WebhookSender(DeliveryLog deliveries, WebhookRepository webhooks, Payloads payloads, WebhookSettings settings,
			Clock clock, MeterRegistry meters) {
		this(deliveries, webhooks, payloads, settings, new TargetPolicy(settings.allowPrivateTargets()), clock, meters);
	}

	WebhookSender(DeliveryLog deliveries, WebhookRepository webhooks, Payloads payloads, WebhookSettings settings,
			TargetPolicy targets, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.payloads = payloads;
		this.settings = settings;
		this.targets = targets;
		this.clock = clock;
		this.meters = meters;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** What one call came to. */
	private record Outcome(@Nullable Integer statusCode, @Nullable String error) {

		boolean delivered() {
			return this.error == null && this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	private record Call(DeliveryLog.Claimed delivery, @Nullable String host, CompletableFuture<Outcome> outcome) {
	}

	@Scheduled(fixedDelayString = "${moderato.webhooks.dispatch-interval:1s}")
	void sendDue() {
		try {
			sendBatch();
		}
		catch (DataAccessException ex) { // the claimed ones are due again when their lease ends
			log.atWarn().log("Webhook deliveries not sent: the database cannot be reached ({})", ex.getClass().getSimpleName());
		}
	}

	private void sendBatch() {
		Instant now = this.clock.instant();
		List<DeliveryLog.Claimed> claimed = this.deliveries.claimDue(this.settings.batchSize(), now,
				now.plus(this.settings.lease()));
		if (claimed.isEmpty()) {
			return;
		}
		Map<UUID, Optional<WebhookRepository.Target>> targetsById = new HashMap<>();
		List<Call> calls = new ArrayList<>();
		for (DeliveryLog.Claimed delivery : claimed) {
			Optional<WebhookRepository.Target> target = targetsById.computeIfAbsent(delivery.webhookId(), this::target);
			if (target.isEmpty()) {
				this.deliveries.markFailed(delivery.id(), null, "The webhook's secret cannot be decrypted");
				continue; // a deleted webhook took its deliveries with it; this one cannot be signed
			}
			calls.add(call(delivery, target.get()));
		}
		long deadline = System.nanoTime() + this.settings.connectTimeout().plus(this.settings.requestTimeout())
			.plusSeconds(5).toNanos();
		for (Call call : calls) {
			record(call, await(call.outcome(), deadline));
		}
	}

	private Optional<WebhookRepository.Target> target(UUID webhookId) {
		try {
			return this.webhooks.target(webhookId);
		}
		catch (IllegalStateException ex) {
			log.atError().addKeyValue("webhookId", webhookId).log("Webhook secret cannot be decrypted: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private Call call(DeliveryLog.Claimed delivery, WebhookRepository.Target target) {
		URI uri = URI.create(target.url());
		Optional<String> refused = this.targets.refusal(target.url());
		if (refused.isPresent()) {
			return new Call(delivery, uri.getHost(),
					CompletableFuture.completedFuture(new Outcome(null, "Target refused: the URL " + refused.get())));
		}
		byte[] body = this.payloads.render(delivery);
		long now = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Moderato-Webhooks/1")
			.header("Moderato-Event", delivery.type().wireValue())
			.header("Moderato-Delivery", delivery.id().toString())
			.header("Moderato-Signature", target.secret().signature(now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		CompletableFuture<Outcome> outcome = this.http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
			.handle((response, failure) -> failure == null ? answered(response.statusCode())
					: new Outcome(null, describe(failure)));
		return new Call(delivery, uri.getHost(), outcome);
	}

	private static Outcome answered(int status) {
		if (status >= 200 && status < 300) {
			return new Outcome(status, null);
		}
		return new Outcome(status, status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)"
				: "HTTP " + status);
	}

	private static Outcome await(CompletableFuture<Outcome> outcome, long deadline) {
		try {
			return outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			outcome.cancel(true);
			return new Outcome(null, "Timed out");
		}
		catch (ExecutionException ex) {
			return new Outcome(null, describe(ex.getCause()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Outcome(null, "Interrupted");
		}
	}

	private void record(Call call, Outcome outcome) {
		DeliveryLog.Claimed delivery = call.delivery();
		if (outcome.delivered()) {
			this.deliveries.markDelivered(delivery.id(), outcome.statusCode(), this.clock.instant());
			count("delivered");
			logged(log.atInfo(), call, outcome).log("Webhook delivered");
			return;
		}
		String error = outcome.error() == null ? "Not delivered" : outcome.error();
		if (delivery.attempts() >= this.settings.maxAttempts()) {
			this.deliveries.markFailed(delivery.id(), outcome.statusCode(), error);
			count("failed");
			logged(log.atWarn(), call, outcome).log("Webhook failed after {} attempts, kept as failed: {}",
					delivery.attempts(), error);
		}
		else {
			Duration delay = this.settings.retryDelay(delivery.attempts());
			this.deliveries.markRetry(delivery.id(), this.clock.instant().plus(delay), outcome.statusCode(), error);
			count("retry");
			logged(log.atInfo(), call, outcome).log("Webhook not delivered (attempt {}), retrying in {}: {}",
					delivery.attempts(), delay, error);
		}
	}

	/** The ids, the receiver's host (never the whole URL: a path can be a credential) and its answer. */
	private static org.slf4j.spi.LoggingEventBuilder logged(org.slf4j.spi.LoggingEventBuilder event, Call call,
			Outcome outcome) {
		return event.addKeyValue("deliveryId", call.delivery().id())
			.addKeyValue("webhookId", call.delivery().webhookId())
			.addKeyValue("commentId", call.delivery().commentId())
			.addKeyValue("type", call.delivery().type().wireValue())
			.addKeyValue("host", call.host())
			.addKeyValue("statusCode", outcome.statusCode());
	}

	/** The failure's kind and message, never more than a line (a message could be long, not a URL's secret path). */
	private static String describe(Throwable failure) {
		Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
				? failure.getCause() : failure;
		String message = cause.getMessage();
		String text = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
		return text.length() > 300 ? text.substring(0, 300) : text;
	}

	private void count(String outcome) {
		this.meters.counter("moderato.webhooks.deliveries", "outcome", outcome).increment();
	}

}
