package dev.moderato.moderation.web;

import java.util.List;
import java.util.Map;

import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.ModeratorScope;
import dev.moderato.moderation.ModerationQueues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation page's forms, posted by {@code moderation.js} asking for JSON: the same decisions as
 * {@link ModerationPage}, answered with each comment's outcome and the new queue counts so the page updates in place.
 * Session-authenticated, with the CSRF token in the {@code X-CSRF-TOKEN} header.
 */
@RestController
class PageActions {

	private final PageDecisions decisions;

	private final ModerationQueues queues;

	private final Accounts accounts;

	PageActions(PageDecisions decisions, ModerationQueues queues, Accounts accounts) {
		this.decisions = decisions;
		this.queues = queues;
		this.accounts = accounts;
	}

	record Response(List<PageDecisions.Outcome> results, List<String> notices, Map<String, Long> counts) {
	}

	@PostMapping(path = "/moderation/actions", produces = MediaType.APPLICATION_JSON_VALUE)
	Response act(Authentication caller, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") List<String> items, @RequestParam(required = false) @Nullable String post) {
		ModeratorScope scope = this.accounts.scopeOf(caller);
		PageDecisions.Result result = this.decisions.apply(action, items, scope);
		return new Response(result.results(), result.notices(),
				QueueTab.counts(this.queues.counts(QueueTab.counted(scope, ModerationPage.postOf(post)))));
	}

}
