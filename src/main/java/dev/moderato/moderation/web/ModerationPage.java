package dev.moderato.moderation.web;

import java.util.List;
import java.util.Map;

import dev.moderato.accounts.Accounts;
import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentQuery;
import dev.moderato.moderation.ModerationQueues;
import dev.moderato.moderation.ModerationQueues.Queue;
import dev.moderato.posts.PostId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation page: the queues with their counts, each comment with what is needed to decide, and decisions as
 * plain form posts (post, redirect, get). {@code moderation.js} enhances the same forms to act in place.
 */
@Controller
class ModerationPage {

	private static final int PAGE_SIZE = 50;

	private final ModerationQueues queues;

	private final PageDecisions decisions;

	private final Accounts accounts;

	private final Cards cards;

	ModerationPage(ModerationQueues queues, PageDecisions decisions, Accounts accounts, Cards cards) {
		this.queues = queues;
		this.decisions = decisions;
		this.accounts = accounts;
		this.cards = cards;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/moderation";
	}

	@GetMapping("/moderation")
	String queue(Authentication caller, @RequestParam(defaultValue = "held") String queue,
			@RequestParam(required = false) @Nullable String post, @RequestParam(required = false) @Nullable String after,
			Model model) {
		Queue which = Queue.parse(queue).orElse(Queue.HELD);
		PostId postId = postOf(post);
		ModeratorScope scope = this.accounts.scopeOf(caller);
		ModerationQueues.ItemPage page = this.queues.page(which, scope, postId, null, null, orderOf(which), cursor(after, orderOf(which)),
				PAGE_SIZE);
		model.addAttribute("queue", QueueTab.name(which));
		model.addAttribute("post", postId == null ? null : postId.value());
		model.addAttribute("tabs", QueueTab.all(this.queues.counts(QueueTab.counted(scope, postId)), which, postId));
		model.addAttribute("cards", this.cards.of(page.items()));
		model.addAttribute("bulkActions", ActionButton.forQueue(which));
		model.addAttribute("next",
				page.next() == null ? null : link(which, postId).queryParam("after", page.next().encode()).toUriString());
		model.addAttribute("moderator", scope.actor());
		model.addAttribute("admin", scope.admin());
		return "moderation/queue";
	}

	/** One comment's card, for the script to refresh it in place after a decision. */
	@GetMapping("/moderation/comments/{id}")
	String card(Authentication caller, @PathVariable String id, @RequestParam(defaultValue = "all") String queue,
			Model model) {
		CommentId commentId = CommentId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ModerationQueues.Item item = this.queues.one(commentId, this.accounts.scopeOf(caller))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("card", this.cards.of(item));
		model.addAttribute("queue", QueueTab.name(Queue.parse(queue).orElse(Queue.ALL)));
		return "moderation/card :: card";
	}

	@PostMapping(path = "/moderation/actions", produces = MediaType.TEXT_HTML_VALUE)
	String act(Authentication caller, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") List<String> items, @RequestParam(defaultValue = "held") String queue,
			@RequestParam(required = false) @Nullable String post, RedirectAttributes redirect) {
		PageDecisions.Result result = this.decisions.apply(action, items, this.accounts.scopeOf(caller));
		redirect.addFlashAttribute("notices", result.notices());
		return "redirect:" + link(Queue.parse(queue).orElse(Queue.HELD), postOf(post)).toUriString();
	}

	static UriComponentsBuilder link(Queue queue, @Nullable PostId post) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/moderation").queryParam("queue", QueueTab.name(queue));
		return post == null ? link : link.queryParam("post", post.value());
	}

	/** The post a page is narrowed to; a malformed id narrows nothing. */
	static @Nullable PostId postOf(@Nullable String post) {
		return post != null && PostId.isValid(post) ? new PostId(post) : null;
	}

	/** The review queues oldest first (fair to commenters); the decided ones newest first. */
	private static CommentQuery.Order orderOf(Queue queue) {
		return queue == Queue.HELD || queue == Queue.SPAM ? CommentQuery.Order.OLDEST : CommentQuery.Order.NEWEST;
	}

	/** A cursor that is not one from a previous page is a 400 problem naming {@code after}, not the first page. */
	private static CommentQuery.@Nullable Cursor cursor(@Nullable String after, CommentQuery.Order order) {
		try {
			return after == null ? null : CommentQuery.Cursor.decode(after, order);
		}
		catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid after.");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", List.of(Map.of("field", "after", "message", "is not a cursor from a previous page")));
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, ex);
		}
	}

}
