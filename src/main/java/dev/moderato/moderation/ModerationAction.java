package dev.moderato.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator can do to a comment.
 */
public enum ModerationAction {

	/** Publish it. */
	APPROVE,

	/** Turn it down: not public, not spam. */
	REJECT,

	/** Mark it spam: teaches the spam filter. */
	SPAM,

	/** The spam filter was wrong: restore it as published, and teach the filter. */
	NOT_SPAM;

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<ModerationAction> parse(String value) {
		return Arrays.stream(values()).filter(a -> a.wireValue().equals(value)).findFirst();
	}

}
