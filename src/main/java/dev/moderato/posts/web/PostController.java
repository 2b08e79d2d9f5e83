package dev.moderato.posts.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.PostStatus;
import dev.moderato.posts.Posts;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for the posts that take comments: register or update one (on a site), read one, list a site's, close or
 * reopen its comments.
 */
@RestController
class PostController {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private final Posts posts;

	private final Sites sites;

	PostController(Posts posts, Sites sites) {
		this.posts = posts;
		this.sites = sites;
	}

	@PutMapping(path = "/api/v1/posts/{postId}", consumes = "application/json")
	ResponseEntity<?> register(@PathVariable @Pattern(regexp = PostId.PATTERN) String postId,
			@Valid @RequestBody PostForm form) {
		SiteId site = form.siteId() == null ? SiteId.DEFAULT : new SiteId(form.siteId());
		if (this.sites.find(site).isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"No site with id '" + site + "' is registered.");
			problem.setTitle("Unknown site");
			problem.setProperty("errors", List.of(Map.of("field", "siteId", "message", "is not a registered site")));
			return ResponseEntity.unprocessableContent().body(problem);
		}
		Post post = new Post(new PostId(postId), site, form.title().strip(), form.url(), form.authorName().strip(),
				form.authorEmail().strip());
		boolean created = this.posts.register(post);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(PostView.of(post));
	}

	@GetMapping("/api/v1/posts/{postId}")
	ResponseEntity<?> read(@PathVariable String postId) {
		return found(postId);
	}

	@PostMapping("/api/v1/posts/{postId}/close")
	ResponseEntity<?> close(@PathVariable String postId) {
		return closeComments(postId, true);
	}

	@PostMapping("/api/v1/posts/{postId}/reopen")
	ResponseEntity<?> reopen(@PathVariable String postId) {
		return closeComments(postId, false);
	}

	@GetMapping("/api/v1/sites/{siteId}/posts")
	ResponseEntity<?> ofSite(@PathVariable String siteId, @RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable Integer limit) {
		if (!SiteId.isValid(siteId) || this.sites.find(new SiteId(siteId)).isEmpty()) {
			return notFound("Unknown site", "No site with id '" + siteId + "' is registered.");
		}
		int size = limit == null ? DEFAULT_PAGE : limit;
		if (size < 1 || size > MAX_PAGE || (after != null && !PostId.isValid(after))) {
			String field = after != null && !PostId.isValid(after) ? "after" : "limit";
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid " + field + ".");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", List.of(Map.of("field", field, "message",
					field.equals("after") ? "is not a post id" : "must be a number from 1 to " + MAX_PAGE)));
			return ResponseEntity.badRequest().body(problem);
		}
		List<PostStatus> page = this.posts.ofSite(new SiteId(siteId), after == null ? null : new PostId(after),
				size + 1);
		List<PostDetails> shown = page.stream().limit(size).map(PostDetails::of).toList();
		String next = page.size() > size ? shown.get(shown.size() - 1).id() : null;
		return ResponseEntity.ok(new PostPage(shown, next));
	}

	private ResponseEntity<?> closeComments(String postId, boolean closed) {
		if (!PostId.isValid(postId) || !this.posts.closeComments(new PostId(postId), closed)) {
			return notFound("Unknown post", "No post with id '" + postId + "' is registered.");
		}
		return found(postId);
	}

	private ResponseEntity<?> found(String postId) {
		return (PostId.isValid(postId) ? this.posts.status(new PostId(postId)) : java.util.Optional.<PostStatus>empty())
			.<ResponseEntity<?>>map(status -> ResponseEntity.ok(PostDetails.of(status)))
			.orElseGet(() -> notFound("Unknown post", "No post with id '" + postId + "' is registered."));
	}

	private static ResponseEntity<ProblemDetail> notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record PostForm(@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String title,
			@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s\\p{Cntrl}]+", message = "must be an absolute http or https URL") String url,
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String authorName,
			@NotBlank @Size(max = 254) @Email @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "must not contain control characters or spaces") String authorEmail,
			@Pattern(regexp = SiteId.PATTERN, message = "must be a site id") @Nullable String siteId) {
	}

	record PostView(String id, String siteId, String title, String url, String authorName) {

		static PostView of(Post post) {
			return new PostView(post.id().value(), post.siteId().value(), post.title(), post.url(), post.authorName());
		}

	}

	/** A post as admins read it, with its author's email. */
	record PostDetails(String id, String siteId, String title, String url, String authorName, String authorEmail,
			Instant createdAt, boolean commentsClosed, boolean commentsOpen) {

		static PostDetails of(PostStatus status) {
			Post post = status.post();
			return new PostDetails(post.id().value(), post.siteId().value(), post.title(), post.url(),
					post.authorName(), post.authorEmail(), status.createdAt(), status.commentsClosed(),
					status.commentsOpen());
		}

	}

	/** @param next the {@code after=} of the next page, {@code null} on the last */
	record PostPage(List<PostDetails> posts, @Nullable String next) {
	}

}
