package dev.moderato.comments;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A published comment as the public thread shows it: only the columns it needs, the HTML rendered when it was stored,
 * and its published replies, oldest first. Never an email, a hash of one or an address.
 *
 * @param parentId the comment it replies to, also when that one is no longer published (then it is top-level)
 * @param avatarId the identicon id, {@code null} when none is stored
 */
public record ThreadComment(CommentId id, @Nullable CommentId parentId, String authorName, @Nullable String authorUrl,
		String text, String html, @Nullable String avatarId, Instant submittedAt, List<ThreadComment> replies) {
}
