package dev.moderato.moderation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.StatusConflict;
import dev.moderato.moderation.Actor;
import dev.moderato.moderation.CommentDecisions;
import dev.moderato.moderation.CommentNotFound;
import dev.moderato.moderation.Decision;
import dev.moderato.moderation.Expectation;
import dev.moderato.moderation.ModerationAction;
import dev.moderato.moderation.ModerationQueues;
import dev.moderato.moderation.NotAllowed;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Applies a moderator's click on the page to one or many comments, each only if it is still as the moderator saw it,
 * and says what happened in words a person reads.
 */
@Component
class PageDecisions {

	static final int MAX_ITEMS = 200;

	private final CommentDecisions decisions;

	private final ModerationQueues queues;

	PageDecisions(CommentDecisions decisions, ModerationQueues queues) {
		this.decisions = decisions;
		this.queues = queues;
	}

	/**
	 * What became of one comment.
	 * @param outcome {@code applied}, {@code conflict}, {@code not-found} or {@code forbidden}
	 * @param status its status now ({@code deleted} once deleted), if known
	 * @param token what the page sends with the next action on it, if it still exists
	 */
	record Outcome(String id, String outcome, @Nullable String status, @Nullable String token, @Nullable String message) {
	}

	/** The outcome of each comment, and the notices to show. */
	record Result(List<Outcome> results, List<String> notices) {
	}

	Result apply(String action, List<String> items, ModeratorScope scope) {
		Optional<ModerationAction> decision = ModerationAction.parse(action);
		if (decision.isEmpty() && !"delete".equals(action)) {
			return new Result(List.of(), List.of("Unknown action: choose approve, spam, reject, not spam or delete."));
		}
		if (items.isEmpty()) {
			return new Result(List.of(), List.of("Select at least one comment first."));
		}
		if (items.size() > MAX_ITEMS) {
			return new Result(List.of(), List.of("Select at most " + MAX_ITEMS + " comments at once."));
		}
		Actor actor = Actor.moderator(scope);
		List<Outcome> results = new ArrayList<>();
		for (String item : items) {
			results.add(SeenComment.parse(item)
				.map(seen -> applyOne(seen, decision.orElse(null), actor))
				.orElseGet(() -> new Outcome(item, "not-found", null, null, "That is not a comment from this page.")));
		}
		return new Result(results, notices(action, results));
	}

	private Outcome applyOne(SeenComment seen, @Nullable ModerationAction action, Actor actor) {
		String id = seen.id().toString();
		try {
			if (action == null) {
				this.decisions.delete(seen.id(), actor);
				return new Outcome(id, "applied", "deleted", null, null);
			}
			Decision decision = this.decisions.decide(seen.id(), action, actor, new Expectation(seen.version(), null));
			return current(seen, actor).map(item -> new Outcome(id, "applied", decision.current().wireValue(),
					token(item), null))
				.orElseGet(() -> new Outcome(id, "applied", decision.current().wireValue(), null, null));
		}
		catch (StatusConflict ex) {
			return conflict(seen, action, actor, ex);
		}
		catch (CommentNotFound ex) {
			return new Outcome(id, "not-found", "deleted", null, "A comment was deleted meanwhile.");
		}
		catch (NotAllowed ex) {
			return new Outcome(id, "forbidden", null, null, ex.getMessage());
		}
	}

	private Outcome conflict(SeenComment seen, @Nullable ModerationAction action, Actor actor, StatusConflict ex) {
		String now = ex.current().wireValue();
		Optional<ModerationQueues.Item> item = current(seen, actor);
		String who = item.map(i -> "the comment by " + i.comment().author().name()).orElse("the comment");
		boolean changedMeanwhile = item.map(i -> i.comment().version() != seen.version()).orElse(true);
		String message = changedMeanwhile ? "Someone else decided first: " + who + " is now " + now + "."
				: capitalised(who) + " is " + now + ", so it cannot be "
						+ (action == null ? "changed" : action.target().wireValue()) + ".";
		return new Outcome(seen.id().toString(), "conflict", now, item.map(PageDecisions::token).orElse(null), message);
	}

	private Optional<ModerationQueues.Item> current(SeenComment seen, Actor actor) {
		return this.queues.one(seen.id(), actor.scope());
	}

	private static String token(ModerationQueues.Item item) {
		return new SeenComment(item.comment().id(), item.comment().version()).token();
	}

	private static List<String> notices(String action, List<Outcome> results) {
		List<String> notices = new ArrayList<>();
		long applied = results.stream().filter(r -> r.outcome().equals("applied")).count();
		if (applied > 0) {
			notices.add(done(action) + " " + applied + (applied == 1 ? " comment." : " comments."));
		}
		results.stream().map(Outcome::message).filter(m -> m != null).distinct().forEach(notices::add);
		return notices;
	}

	private static String done(String action) {
		return switch (action) {
			case "approve" -> "Approved";
			case "reject" -> "Rejected";
			case "spam" -> "Marked as spam:";
			case "not-spam" -> "Restored as not spam:";
			default -> "Deleted";
		};
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
