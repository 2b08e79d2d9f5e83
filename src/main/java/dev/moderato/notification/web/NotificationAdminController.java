package dev.moderato.notification.web;

import java.util.Map;
import java.util.UUID;

import dev.moderato.notification.AuthorPreference;
import dev.moderato.notification.AuthorPreferences;
import dev.moderato.notification.Delivery;
import dev.moderato.notification.SentMail;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins: the mail log by status (failed mails with the error and the recipient), retrying a failed mail, and post
 * authors' notification preferences, addressed by the keyed hash of the author's email (an email only ever travels in
 * a request body, never in a URL).
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationAdminController {

	private final SentMail mail;

	private final AuthorPreferences preferences;

	NotificationAdminController(SentMail mail, AuthorPreferences preferences) {
		this.mail = mail;
		this.preferences = preferences;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "failed") String status,
			@RequestParam(defaultValue = "50") int limit) {
		if (!SentMail.STATUSES.contains(status)) {
			throw problem(HttpStatus.BAD_REQUEST, "status must be one of " + SentMail.STATUSES);
		}
		if (limit < 1 || limit > 500) {
			throw problem(HttpStatus.BAD_REQUEST, "limit must be 1 to 500");
		}
		return Map.of("items", this.mail.inStatus(status, limit));
	}

	@PostMapping("/{id}/retry")
	ResponseEntity<Map<String, Object>> retry(@PathVariable UUID id) {
		return switch (this.mail.retry(id)) {
			case SCHEDULED -> ResponseEntity.accepted().body(Map.of("id", id, "status", "pending"));
			case NOT_FAILED -> throw problem(HttpStatus.CONFLICT, "Only a failed mail can be retried");
			case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, "No such notification");
		};
	}

	/** An author's preferences by the author's email, given in the body. */
	@PutMapping("/authors/preferences")
	Map<String, Object> saveByEmail(@RequestBody PreferenceForm form) {
		if (form.authorEmail() == null || form.authorEmail().isBlank()) {
			throw problem(HttpStatus.BAD_REQUEST, "authorEmail is required");
		}
		return save(this.preferences.authorKey(form.authorEmail()), form);
	}

	@GetMapping("/authors/{hash}/preferences")
	Map<String, Object> get(@PathVariable String hash) {
		EmailHash author = hash(hash);
		return view(author, this.preferences.of(author));
	}

	@PutMapping("/authors/{hash}/preferences")
	Map<String, Object> saveByHash(@PathVariable String hash, @RequestBody PreferenceForm form) {
		return save(hash(hash), form);
	}

	private Map<String, Object> save(EmailHash author, PreferenceForm form) {
		AuthorPreference now = this.preferences.of(author);
		Delivery delivery = form.delivery() == null ? now.delivery() : Delivery.parse(form.delivery())
			.orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "delivery must be immediate, hourly or daily"));
		AuthorPreference wanted = new AuthorPreference(delivery, orElse(form.newComment(), now.newComment()),
				orElse(form.held(), now.held()), orElse(form.nothingAtAll(), now.nothingAtAll()));
		return view(author, this.preferences.save(author, wanted));
	}

	private static Map<String, Object> view(EmailHash author, AuthorPreference preference) {
		return Map.of("authorHash", author.value(), "delivery", preference.delivery().wireValue(), "newComment",
				preference.newComment(), "held", preference.held(), "nothingAtAll", preference.nothingAtAll());
	}

	private static boolean orElse(@Nullable Boolean value, boolean fallback) {
		return value == null ? fallback : value;
	}

	private static EmailHash hash(String value) {
		try {
			return new EmailHash(value);
		}
		catch (IllegalArgumentException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "Not an author hash");
		}
	}

	private static ErrorResponseException problem(HttpStatus status, String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	/** Any field left out keeps its current value. */
	record PreferenceForm(@Nullable String authorEmail, @Nullable String delivery, @Nullable Boolean newComment,
			@Nullable Boolean held, @Nullable Boolean nothingAtAll) {
	}

}
