package dev.moderato.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.moderato.comments.CommentStatus;

/**
 * What a moderator can do to a comment.
 */
public enum ModerationAction {

	/** Publish it. */
	APPROVE(CommentStatus.APPROVED),

	/** Turn it down: not public, not spam. */
	REJECT(CommentStatus.REJECTED),

	/** Mark it spam: teaches the spam filter. */
	SPAM(CommentStatus.SPAM),

	/** The spam filter was wrong: restore it as published, and teach the filter. */
	NOT_SPAM(CommentStatus.APPROVED);

	private final CommentStatus target;

	ModerationAction(CommentStatus target) {
		this.target = target;
	}

	/** The status the action leads to. */
	public CommentStatus target() {
		return this.target;
	}

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<ModerationAction> parse(String value) {
		return Arrays.stream(values()).filter(a -> a.wireValue().equals(value)).findFirst();
	}

}
