package dev.moderato.moderation;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentStatus;
import org.jspecify.annotations.Nullable;

/**
 * What a moderator saw when deciding: the comment's version (an HTTP {@code If-Match}) and/or its status.
 * A decision on a comment that has changed since is a conflict.
 */
public record Expectation(@Nullable Integer version, @Nullable CommentStatus status) {

	public static final Expectation NONE = new Expectation(null, null);

	boolean matches(Comment comment) {
		return (this.version == null || this.version == comment.version())
				&& (this.status == null || this.status == comment.status());
	}

}
