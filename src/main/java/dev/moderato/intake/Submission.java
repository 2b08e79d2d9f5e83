package dev.moderato.intake;

import java.util.Objects;

import dev.moderato.comments.CommentId;
import dev.moderato.posts.PostId;
import org.jspecify.annotations.Nullable;

/**
 * A validated submission from the public form, before it is protected and published.
 */
public record Submission(PostId postId, @Nullable CommentId parentId, String authorName, String authorEmail,
		@Nullable String authorUrl, String text, boolean notifyReplies, String remoteAddress, boolean honeypotFilled,
		@Nullable Long timeToSubmitMs) {

	public Submission {
		Objects.requireNonNull(postId, "postId");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(authorEmail, "authorEmail");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(remoteAddress, "remoteAddress");
	}

	@Override
	public String toString() {
		return "Submission[post=" + this.postId + ", parent=" + this.parentId + "]";
	}

}
