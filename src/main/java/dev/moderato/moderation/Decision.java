package dev.moderato.moderation;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;

/**
 * A decision that was applied.
 */
public record Decision(CommentId commentId, CommentStatus previous, CommentStatus current) {
}
