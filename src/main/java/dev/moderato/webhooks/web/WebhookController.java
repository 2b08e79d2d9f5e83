package dev.moderato.webhooks.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.sites.SiteId;
import dev.moderato.webhooks.EventType;
import dev.moderato.webhooks.InvalidWebhook;
import dev.moderato.webhooks.UnknownSite;
import dev.moderato.webhooks.Webhook;
import dev.moderato.webhooks.WebhookDelivery;
import dev.moderato.webhooks.Webhooks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins: a site's webhooks (register, list, read, delete, rotate the secret) and their deliveries (list by state,
 * replay). The signing secret is in the answer to a registration or a rotation only.
 */
@RestController
@RequestMapping("/api/v1/sites/{siteId}/webhooks")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record WebhookForm(@NotBlank @Size(max = 2000) String url,
			@NotNull @NotEmpty @Size(max = 3) List<@NotBlank String> events,
			@Nullable @Size(max = 500) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String description) {
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<Map<String, @Nullable Object>> register(@PathVariable String siteId,
			@Valid @RequestBody WebhookForm form) {
		SiteId site = site(siteId);
		try {
			Webhooks.WithSecret created = this.webhooks.register(site, form.url().strip(), form.events(),
					form.description() == null || form.description().isBlank() ? null : form.description().strip());
			return ResponseEntity
				.created(URI.create("/api/v1/sites/" + site.value() + "/webhooks/" + created.webhook().id()))
				.body(withSecret(created));
		}
		catch (InvalidWebhook ex) {
			throw invalid(ex);
		}
	}

	@GetMapping
	Map<String, Object> list(@PathVariable String siteId) {
		return Map.of("items", this.webhooks.list(site(siteId)).stream().map(WebhookController::view).toList());
	}

	@GetMapping("/{id}")
	Map<String, @Nullable Object> get(@PathVariable String siteId, @PathVariable String id) {
		return this.webhooks.find(site(siteId), webhookId(id)).map(WebhookController::view)
			.orElseThrow(WebhookController::noSuchWebhook);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String siteId, @PathVariable String id) {
		if (!this.webhooks.delete(site(siteId), webhookId(id))) {
			throw noSuchWebhook();
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/rotate-secret")
	Map<String, @Nullable Object> rotateSecret(@PathVariable String siteId, @PathVariable String id) {
		return this.webhooks.rotateSecret(site(siteId), webhookId(id)).map(WebhookController::withSecret)
			.orElseThrow(WebhookController::noSuchWebhook);
	}

	@GetMapping("/{id}/deliveries")
	Map<String, Object> deliveries(@PathVariable String siteId, @PathVariable String id,
			@RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "50") int limit) {
		if (state != null && !WebhookDelivery.STATES.contains(state)) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "state must be one of " + WebhookDelivery.STATES);
		}
		if (limit < 1 || limit > 500) {
			throw problem(HttpStatus.BAD_REQUEST, "Invalid request", "limit must be 1 to 500");
		}
		List<WebhookDelivery> deliveries = this.webhooks.deliveries(site(siteId), webhookId(id), state, limit)
			.orElseThrow(WebhookController::noSuchWebhook);
		return Map.of("items", deliveries.stream().map(WebhookController::view).toList());
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/replay")
	ResponseEntity<Map<String, Object>> replay(@PathVariable String siteId, @PathVariable String id,
			@PathVariable String deliveryId) {
		UUID delivery = uuid(deliveryId).orElseThrow(WebhookController::noSuchDelivery);
		return switch (this.webhooks.replay(site(siteId), webhookId(id), delivery)) {
			case QUEUED -> ResponseEntity.accepted().body(Map.of("id", delivery, "state", "pending"));
			case BEING_SENT -> throw problem(HttpStatus.CONFLICT, "Being sent",
					"The delivery is being sent right now; look at it again in a few seconds.");
			case NOT_FOUND -> throw noSuchDelivery();
		};
	}

	private static Map<String, @Nullable Object> view(Webhook webhook) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", webhook.id());
		view.put("siteId", webhook.siteId().value());
		view.put("url", webhook.url());
		view.put("events", webhook.events().stream().map(EventType::wireValue).toList());
		view.put("description", webhook.description());
		view.put("createdAt", webhook.createdAt());
		view.put("secretRotatedAt", webhook.secretRotatedAt());
		return view;
	}

	private static Map<String, @Nullable Object> withSecret(Webhooks.WithSecret created) {
		Map<String, @Nullable Object> view = view(created.webhook());
		view.put("secret", created.secret());
		return view;
	}

	private static Map<String, @Nullable Object> view(WebhookDelivery delivery) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		view.put("id", delivery.id());
		view.put("eventId", delivery.eventId());
		view.put("type", delivery.type().wireValue());
		view.put("commentId", delivery.commentId());
		view.put("state", delivery.state());
		view.put("attempts", delivery.attempts());
		view.put("lastStatusCode", delivery.lastStatusCode());
		view.put("lastError", delivery.lastError());
		view.put("nextAttemptAt", delivery.nextAttemptAt());
		view.put("createdAt", delivery.createdAt());
		view.put("deliveredAt", delivery.deliveredAt());
		return view;
	}

	/** The site, which must be registered. */
	private SiteId site(String siteId) {
		if (!SiteId.isValid(siteId)) {
			throw unknownSite();
		}
		return new SiteId(siteId);
	}

	private static UUID webhookId(String id) {
		return uuid(id).orElseThrow(WebhookController::noSuchWebhook);
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownSite(UnknownSite ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(unknownSite().getBody());
	}

	private static ErrorResponseException unknownSite() {
		return problem(HttpStatus.NOT_FOUND, "Unknown site", "No site with that id is registered.");
	}

	private static ErrorResponseException noSuchWebhook() {
		return problem(HttpStatus.NOT_FOUND, "Unknown webhook", "The site has no webhook with that id.");
	}

	private static ErrorResponseException noSuchDelivery() {
		return problem(HttpStatus.NOT_FOUND, "Unknown delivery", "The webhook has no delivery with that id.");
	}

	/** The same shape as every other validation problem: which field, and why, never the value. */
	private static ErrorResponseException invalid(InvalidWebhook ex) {
		ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid " + ex.field() + ".");
		problem.getBody().setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
