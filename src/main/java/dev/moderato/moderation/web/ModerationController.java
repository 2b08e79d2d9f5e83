package dev.moderato.moderation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentQuery;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.StatusConflict;
import dev.moderato.moderation.Actor;
import dev.moderato.moderation.CommentDecisions;
import dev.moderato.moderation.CommentNotFound;
import dev.moderato.moderation.Decision;
import dev.moderato.moderation.Expectation;
import dev.moderato.moderation.ModerationAction;
import dev.moderato.moderation.ModerationQueues;
import dev.moderato.moderation.NotAllowed;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation API: queues with counts, one comment, decisions on one or many comments.
 */
@RestController
class ModerationController {

	private final ModerationQueues queues;

	private final CommentDecisions decisions;

	private final Accounts accounts;

	ModerationController(ModerationQueues queues, CommentDecisions decisions, Accounts accounts) {
		this.queues = queues;
		this.decisions = decisions;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/moderation/queues")
	Map<String, Long> counts(Authentication caller) {
		Map<CommentStatus, Long> counts = this.queues.counts(this.accounts.scopeOf(caller));
		Map<String, Long> out = new LinkedHashMap<>();
		counts.forEach((status, n) -> out.put(status.wireValue(), n));
		out.put("all", counts.values().stream().mapToLong(Long::longValue).sum());
		return out;
	}

	@GetMapping("/api/v1/moderation/queues/{queue}")
	ResponseEntity<?> queue(Authentication caller, @PathVariable String queue, @RequestParam(required = false) String post,
			@RequestParam(required = false) String commenter, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "oldest") String sort, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		ModerationQueues.Queue which = ModerationQueues.Queue.parse(queue).orElse(null);
		List<String> problems = new ArrayList<>();
		if (which == null) {
			problems.add("queue: must be one of held, spam, approved, rejected, all");
		}
		if (post != null && !PostId.isValid(post)) {
			problems.add("post: is not a post id");
		}
		if (commenter != null && !commenter.matches("[0-9a-f]{64}")) {
			problems.add("commenter: must be a commenter hash (64 hex digits)");
		}
		CommentQuery.Order order = switch (sort) {
			case "oldest" -> CommentQuery.Order.OLDEST;
			case "newest" -> CommentQuery.Order.NEWEST;
			case "score" -> CommentQuery.Order.SCORE;
			default -> {
				problems.add("sort: must be oldest, newest or score");
				yield null;
			}
		};
		CommentQuery.Cursor after = null;
		if (cursor != null && order != null) {
			try {
				after = CommentQuery.Cursor.decode(cursor, order);
			}
			catch (IllegalArgumentException ex) {
				problems.add("cursor: is not a cursor from a previous page");
			}
		}
		if (!problems.isEmpty()) {
			return badRequest(problems);
		}
		ModerationQueues.ItemPage page = this.queues.page(which, this.accounts.scopeOf(caller),
				post == null ? null : new PostId(post), commenter == null ? null : new EmailHash(commenter),
				q == null || q.isBlank() ? null : q.strip(), order, after, limit);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("queue", which.name().toLowerCase(Locale.ROOT));
		body.put("items", page.items().stream().map(QueueItemView::of).toList());
		body.put("next", page.next() == null ? null : page.next().encode());
		return ResponseEntity.ok(body);
	}

	@GetMapping("/api/v1/moderation/comments/{id}")
	ResponseEntity<?> one(Authentication caller, @PathVariable String id) {
		CommentId commentId = commentId(id);
		return this.queues.one(commentId, this.accounts.scopeOf(caller))
			.<ResponseEntity<?>>map(item -> ResponseEntity.ok()
				.eTag("\"" + item.comment().version() + "\"")
				.body(QueueItemView.of(item)))
			.orElseThrow(() -> new CommentNotFound(commentId));
	}

	@PostMapping("/api/v1/moderation/comments/{id}/{action}")
	ResponseEntity<?> decide(Authentication caller, @PathVariable String id, @PathVariable String action,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		ModerationAction what = ModerationAction.parse(action).orElse(null);
		CommentId commentId = CommentId.parse(id).orElse(null);
		Integer version = ifMatch == null ? null : versionOf(ifMatch);
		if (what == null || commentId == null || (ifMatch != null && version == null)) {
			return badRequest(List.of(what == null ? "action: must be approve, reject, spam or not-spam"
					: commentId == null ? "id: is not a comment id" : "If-Match: must be the comment's ETag"));
		}
		Decision decision = this.decisions.decide(commentId, what, Actor.moderator(this.accounts.scopeOf(caller)),
				new Expectation(version, null));
		return ResponseEntity.ok(DecisionView.of(decision));
	}

	/** A path id that is not a comment id names no comment: 404. */
	private static CommentId commentId(String id) {
		return CommentId.parse(id).orElseThrow(() -> new CommentNotFound(id));
	}

	private static @Nullable Integer versionOf(String etag) {
		String value = etag.strip().replace("W/", "").replace("\"", "");
		return value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
	}

	@DeleteMapping("/api/v1/moderation/comments/{id}")
	ResponseEntity<Void> delete(Authentication caller, @PathVariable String id) {
		this.decisions.delete(commentId(id), Actor.moderator(this.accounts.scopeOf(caller)));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/moderation/actions", consumes = "application/json")
	ResponseEntity<?> bulk(Authentication caller, @Valid @RequestBody BulkRequest request) {
		ModerationAction what = ModerationAction.parse(request.action()).orElse(null);
		if (what == null && !"delete".equals(request.action())) {
			return badRequest(List.of("action: must be approve, reject, spam, not-spam or delete"));
		}
		CommentStatus expected = null;
		if (request.expectedStatus() != null) {
			expected = java.util.Arrays.stream(CommentStatus.values())
				.filter(s -> s.wireValue().equals(request.expectedStatus()))
				.findFirst()
				.orElse(null);
			if (expected == null) {
				return badRequest(List.of("expectedStatus: must be held, spam, approved or rejected"));
			}
		}
		Actor actor = Actor.moderator(this.accounts.scopeOf(caller));
		List<Map<String, Object>> results = new ArrayList<>();
		for (String id : request.ids()) {
			results.add(applyOne(id, what, actor, new Expectation(null, expected)));
		}
		return ResponseEntity.ok(Map.of("action", request.action(), "results", results));
	}

	private Map<String, Object> applyOne(String id, @Nullable ModerationAction what, Actor actor, Expectation expected) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", id);
		CommentId commentId = CommentId.parse(id).orElse(null);
		if (commentId == null) {
			result.put("outcome", "invalid");
			return result;
		}
		try {
			if (what == null) {
				this.decisions.delete(commentId, actor);
				result.put("outcome", "applied");
				result.put("status", "deleted");
			}
			else {
				Decision decision = this.decisions.decide(commentId, what, actor, expected);
				result.put("outcome", "applied");
				result.put("previousStatus", decision.previous().wireValue());
				result.put("status", decision.current().wireValue());
			}
		}
		catch (StatusConflict ex) {
			result.put("outcome", "conflict");
			result.put("status", ex.current().wireValue());
			result.put("detail", ex.getMessage());
		}
		catch (CommentNotFound ex) {
			result.put("outcome", "not-found");
		}
		catch (NotAllowed ex) {
			result.put("outcome", "forbidden");
		}
		return result;
	}

	static ResponseEntity<ProblemDetail> badRequest(List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", problems.stream().map(p -> {
			String[] parts = p.split(": ", 2);
			return Map.of("field", parts[0], "message", parts[1]);
		}).toList());
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * @param expectedStatus act only on comments still in this status (the queue the moderator was looking at)
	 */
	record BulkRequest(@NotBlank String action, @NotEmpty @Size(max = 200) List<@NotBlank String> ids,
			@Nullable String expectedStatus) {
	}

	record DecisionView(String id, String previousStatus, String status) {

		static DecisionView of(Decision decision) {
			return new DecisionView(decision.commentId().toString(), decision.previous().wireValue(),
					decision.current().wireValue());
		}

	}

}
