package dev.moderato.posts.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.moderato.posts.FirstUse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public lookup an embed makes with its page's canonical URL: which post the page's comments belong to (or will
 * belong to, for a site that creates posts on first use), and whether it takes comments.
 */
@RestController
class PostByUrlController {

	/** Briefly, so a page's first comment (which creates the post) soon shows it as existing. */
	static final CacheControl BRIEFLY = CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic();

	private final FirstUse firstUse;

	PostByUrlController(FirstUse firstUse) {
		this.firstUse = firstUse;
	}

	@GetMapping("/api/v1/posts/by-url")
	ResponseEntity<?> byUrl(@RequestParam(required = false) @Nullable String url) {
		if (url == null || url.isBlank()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid url.");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", List.of(Map.of("field", "url", "message", "must be the page's absolute URL")));
			return ResponseEntity.badRequest().body(problem);
		}
		return this.firstUse.page(url)
			.<ResponseEntity<?>>map(page -> ResponseEntity.ok()
				.cacheControl(BRIEFLY)
				.body(new PageView(page.id().value(), page.title(), page.url(), page.exists(), page.commentsOpen())))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No site takes comments for this page.");
				problem.setTitle("No site takes comments for this page");
				return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(BRIEFLY).body(problem);
			});
	}

	/** @param exists {@code false}: the post is created by the page's first comment, under this id */
	record PageView(String id, String title, String url, boolean exists, boolean commentsOpen) {
	}

}
