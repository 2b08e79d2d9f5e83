package dev.moderato.comments.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public read side: a post's published thread and the status of one comment. Never carries an email,
 * an email hash or an address.
 */
@RestController
class ThreadController {

	/** How long an id minted at intake but not yet stored reads as pending. */
	private static final Duration PENDING_WINDOW = Duration.ofDays(1);

	private final Comments comments;

	private final Posts posts;

	private final Clock clock;

	ThreadController(Comments comments, Posts posts, Clock clock) {
		this.comments = comments;
		this.posts = posts;
		this.clock = clock;
	}

	@GetMapping("/api/v1/posts/{postId}/comments")
	ResponseEntity<?> thread(@PathVariable @Pattern(regexp = PostId.PATTERN) String postId) {
		PostId post = new PostId(postId);
		if (!this.posts.exists(post)) {
			return notFound("Unknown post", "No post with id '" + postId + "' is registered.");
		}
		List<Comment> published = this.comments.published(post);
		Map<UUID, ThreadEntry> byId = new LinkedHashMap<>();
		String avatars = ServletUriComponentsBuilder.fromCurrentContextPath().path(AvatarController.PATH).toUriString();
		published.forEach(c -> byId.put(c.id().value(), ThreadEntry.of(c, CommentHtml.render(c.text()), avatars)));
		List<ThreadEntry> roots = new ArrayList<>();
		for (Comment c : published) {
			ThreadEntry entry = byId.get(c.id().value());
			ThreadEntry parent = c.parentId() == null ? null : byId.get(c.parentId().value());
			// a reply whose parent is no longer published stays visible, at the top level
			(parent == null ? roots : parent.replies()).add(entry);
		}
		return ResponseEntity.ok(new Thread(postId, published.size(), roots));
	}

	@GetMapping("/api/v1/comments/{id}")
	ResponseEntity<?> status(@PathVariable String id) {
		CommentId commentId = CommentId.parse(id).orElse(null);
		if (commentId == null) {
			return notFound("Unknown comment", "'" + id + "' is not a comment id.");
		}
		return this.comments.find(commentId)
			.<ResponseEntity<?>>map(c -> ResponseEntity.ok(new CommentState(c.id().toString(), c.postId().value(),
					c.status().wireValue())))
			.orElseGet(() -> recentlyMinted(commentId)
					? ResponseEntity.ok(new CommentState(commentId.toString(), null, CommentStatus.PENDING.wireValue()))
					: notFound("Unknown comment", "No comment with id " + commentId + "."));
	}

	private boolean recentlyMinted(CommentId id) {
		Instant now = this.clock.instant();
		return id.mintedAt().filter(at -> !at.isAfter(now.plusSeconds(60)) && at.isAfter(now.minus(PENDING_WINDOW))).isPresent();
	}

	private static ResponseEntity<ProblemDetail> notFound(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle(title);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	record Thread(String postId, int count, List<ThreadEntry> comments) {
	}

	/** @param avatar the commenter's identicon, {@code null} when none is stored */
	record ThreadEntry(String id, @Nullable String parentId, String authorName, @Nullable String authorUrl, String text,
			String html, @Nullable String avatar, Instant createdAt, List<ThreadEntry> replies) {

		static ThreadEntry of(Comment c, String html, String avatars) {
			return new ThreadEntry(c.id().toString(), c.parentId() == null ? null : c.parentId().toString(),
					c.author().name(), c.author().url(), c.text(), html,
					c.avatarId() == null ? null : avatars + c.avatarId() + ".svg", c.submittedAt(), new ArrayList<>());
		}

	}

	record CommentState(String id, @Nullable String postId, String status) {
	}

}
