package dev.moderato.moderation.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.ModeratorScope;
import dev.moderato.moderation.CommenterPolicies;
import dev.moderato.moderation.NotAllowed;
import dev.moderato.privacy.EmailHash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trust and ban commenters by their keyed email hash (never the email in a URL); admins see and undo them.
 */
@RestController
class CommenterController {

	private final CommenterPolicies policies;

	private final Accounts accounts;

	CommenterController(CommenterPolicies policies, Accounts accounts) {
		this.policies = policies;
		this.accounts = accounts;
	}

	/** Every trust and ban; a moderator restricted to some posts sees only those on commenters of its posts. */
	@GetMapping("/api/v1/moderation/commenters")
	List<PolicyView> all(Authentication caller) {
		ModeratorScope scope = this.accounts.scopeOf(caller);
		List<CommenterPolicies.Policy> visible = scope.posts() == null ? this.policies.all()
				: this.policies.onCommentersOf(scope.posts());
		return visible.stream().map(PolicyView::of).toList();
	}

	@PostMapping("/api/v1/moderation/commenters/{commenter}/trust")
	ResponseEntity<?> trust(Authentication caller, @PathVariable String commenter,
			@Valid @RequestBody(required = false) @Nullable PolicyRequest request) {
		EmailHash hash = parse(commenter);
		if (hash == null) {
			return badHash();
		}
		this.policies.trust(hash, unrestricted(caller).actor(), request == null ? null : request.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/moderation/commenters/{commenter}/ban")
	ResponseEntity<?> ban(Authentication caller, @PathVariable String commenter,
			@Valid @RequestBody(required = false) @Nullable PolicyRequest request) {
		EmailHash hash = parse(commenter);
		if (hash == null) {
			return badHash();
		}
		this.policies.ban(hash, unrestricted(caller).actor(), request == null ? null : request.reason(),
				request == null ? null : request.until());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/moderation/commenters/{commenter}/{kind}")
	ResponseEntity<?> lift(Authentication caller, @PathVariable String commenter, @PathVariable String kind) {
		if (!this.accounts.scopeOf(caller).admin()) {
			throw new NotAllowed("Only admins undo trust and bans.");
		}
		EmailHash hash = parse(commenter);
		CommenterPolicies.Kind which = switch (kind) {
			case "trust" -> CommenterPolicies.Kind.TRUSTED;
			case "ban" -> CommenterPolicies.Kind.BANNED;
			default -> null;
		};
		if (hash == null || which == null) {
			return ModerationController.badRequest(List.of(hash == null ? "commenter: must be a commenter hash (64 hex digits)"
					: "kind: must be trust or ban"));
		}
		return this.policies.lift(hash, which) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	private ModeratorScope unrestricted(Authentication caller) {
		ModeratorScope scope = this.accounts.scopeOf(caller);
		if (scope.posts() != null) {
			throw new NotAllowed("Moderators restricted to some posts cannot trust or ban commenters everywhere.");
		}
		return scope;
	}

	private static @Nullable EmailHash parse(String commenter) {
		return commenter.matches("[0-9a-f]{64}") ? new EmailHash(commenter) : null;
	}

	private static ResponseEntity<?> badHash() {
		return ModerationController.badRequest(List.of("commenter: must be a commenter hash (64 hex digits)"));
	}

	record PolicyRequest(@Nullable @Size(max = 500) String reason, @Nullable Instant until) {
	}

	record PolicyView(String commenter, String kind, @Nullable String reason, @Nullable Instant expiresAt, String createdBy,
			Instant createdAt) {

		static PolicyView of(CommenterPolicies.Policy policy) {
			return new PolicyView(policy.commenter().value(), policy.kind().name().toLowerCase(Locale.ROOT), policy.reason(),
					policy.expiresAt(), policy.createdBy(), policy.createdAt());
		}

	}

}
