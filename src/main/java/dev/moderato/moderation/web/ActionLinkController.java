package dev.moderato.moderation.web;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.comments.StatusConflict;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.CommentNotFound;
import dev.moderato.moderation.Decision;
import dev.moderato.moderation.LinkProblem;
import dev.moderato.posts.Posts;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The one-click links in the author's mail. Opening one (GET) only shows what it would do, so mail scanners that
 * follow links change nothing; the button on that page (POST) acts, once. A link for a comment that is no longer held
 * opens a page that says it is already decided (409), without a button.
 */
@Controller
class ActionLinkController {

	private final ActionLinks links;

	private final Comments comments;

	private final Posts posts;

	ActionLinkController(ActionLinks links, Comments comments, Posts posts) {
		this.links = links;
		this.comments = comments;
		this.posts = posts;
	}

	@GetMapping("/moderation/links/{token}")
	String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			ActionLinks.Link link = this.links.check(token);
			Comment comment = this.comments.find(link.commentId()).orElseThrow(() -> new CommentNotFound(link.commentId()));
			model.addAttribute("comment", comment);
			model.addAttribute("post", this.posts.find(comment.postId()).orElse(null));
			model.addAttribute("ask", LinkQuestion.of(link.action()));
			model.addAttribute("token", token);
			// a link acts only on a held comment: once decided, the page says so and offers no button
			boolean decided = comment.status() != CommentStatus.HELD;
			model.addAttribute("decided", decided);
			if (decided) {
				response.setStatus(HttpStatus.CONFLICT.value());
			}
			return "links/confirm";
		}
		catch (LinkProblem ex) {
			return problem(ex, model, response);
		}
		catch (CommentNotFound ex) {
			return result(model, response, HttpStatus.NOT_FOUND, "Comment not found", "It may have been deleted.");
		}
	}

	@PostMapping("/moderation/links/{token}")
	String act(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			Decision decision = this.links.use(token);
			return result(model, response, HttpStatus.OK, "Done",
					"The comment is now " + decision.current().wireValue() + ".");
		}
		catch (LinkProblem ex) {
			return problem(ex, model, response);
		}
		catch (StatusConflict ex) {
			return result(model, response, HttpStatus.CONFLICT, "Already decided",
					"Someone already decided on this comment: it is " + ex.current().wireValue() + ".");
		}
		catch (CommentNotFound ex) {
			return result(model, response, HttpStatus.NOT_FOUND, "Comment not found", "It may have been deleted.");
		}
	}

	private static String problem(LinkProblem ex, Model model, HttpServletResponse response) {
		return switch (ex.kind()) {
			case TAMPERED -> result(model, response, HttpStatus.BAD_REQUEST, "Invalid link", ex.getMessage());
			case EXPIRED -> result(model, response, HttpStatus.GONE, "Link expired", ex.getMessage());
			case USED -> result(model, response, HttpStatus.CONFLICT, "Link already used", ex.getMessage());
		};
	}

	private static String result(Model model, HttpServletResponse response, HttpStatus status, String title,
			String message) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("moderationLink", true);
		return "result";
	}

}
