package dev.moderato.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A delivery's JSON body, rendered when it is sent from the comment and post as they are then: nothing of the
 * commenter is stored with the delivery, so an erase (author "deleted", text removed) reaches every payload not yet
 * sent. Carries the author's display name and the comment's sanitised HTML, never an email, an address or a hash. A
 * comment deleted since has {@code null} for what is gone.
 */
@Component
class Payloads {

	private final Comments comments;

	private final Posts posts;

	private final JsonMapper json;

	Payloads(Comments comments, Posts posts, JsonMapper json) {
		this.comments = comments;
		this.posts = posts;
		this.json = json;
	}

	byte[] render(DeliveryLog.Claimed delivery) {
		Optional<Post> post = PostId.isValid(delivery.postId()) ? this.posts.find(new PostId(delivery.postId()))
				: Optional.empty();
		Optional<Comment> comment = this.comments.find(new CommentId(delivery.commentId()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", delivery.eventId().toString());
		body.put("type", delivery.type().wireValue());
		body.put("createdAt", delivery.occurredAt().toString());
		body.put("site", Map.of("id", delivery.siteId()));
		Map<String, @Nullable Object> postPart = new LinkedHashMap<>();
		postPart.put("id", delivery.postId());
		postPart.put("title", post.map(Post::title).orElse(null));
		postPart.put("url", post.map(Post::url).orElse(null));
		body.put("post", postPart);
		Map<String, @Nullable Object> commentPart = new LinkedHashMap<>();
		commentPart.put("id", delivery.commentId().toString());
		commentPart.put("parentId", delivery.parentId() == null ? null : delivery.parentId().toString());
		commentPart.put("authorName", comment.map(c -> c.author().name()).orElse(null));
		commentPart.put("html", comment.map(this.comments::html).orElse(null));
		commentPart.put("status", delivery.status());
		commentPart.put("previousStatus", delivery.previousStatus());
		commentPart.put("permalink", comment.isPresent() ? post.map(p -> permalink(p, delivery)).orElse(null) : null);
		commentPart.put("submittedAt", comment.map(c -> c.submittedAt().toString()).orElse(null));
		body.put("comment", commentPart);
		return this.json.writeValueAsBytes(body);
	}

	/** The address of the comment in its post's thread: the anchor the embed and the author's mails use. */
	private static String permalink(Post post, DeliveryLog.Claimed delivery) {
		String url = post.url();
		int fragment = url.indexOf('#');
		return (fragment < 0 ? url : url.substring(0, fragment)) + "#comment-" + delivery.commentId();
	}

}
