package dev.moderato.posts.web;

import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API to register the posts that take comments.
 */
@RestController
class PostController {

	private final Posts posts;

	PostController(Posts posts) {
		this.posts = posts;
	}

	@PutMapping(path = "/api/v1/posts/{postId}", consumes = "application/json")
	ResponseEntity<PostView> register(@PathVariable @Pattern(regexp = PostId.PATTERN) String postId,
			@Valid @RequestBody PostForm form) {
		Post post = new Post(new PostId(postId), form.title().strip(), form.url(), form.authorName().strip(),
				form.authorEmail().strip());
		boolean created = this.posts.register(post);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(PostView.of(post));
	}

	record PostForm(@NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String title,
			@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://[^\\s\\p{Cntrl}]+", message = "must be an absolute http or https URL") String url,
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String authorName,
			@NotBlank @Size(max = 254) @Email @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "must not contain control characters or spaces") String authorEmail) {
	}

	record PostView(String id, String title, String url, String authorName) {

		static PostView of(Post post) {
			return new PostView(post.id().value(), post.title(), post.url(), post.authorName());
		}

	}

}
