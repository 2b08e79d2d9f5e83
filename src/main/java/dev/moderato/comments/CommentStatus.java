package dev.moderato.comments;

import java.util.Locale;

/**
 * Where a comment stands. Its lower-case name is the public wire value.
 */
public enum CommentStatus {

	/** Accepted by intake and on Kafka, not yet moderated. Never stored. */
	PENDING,

	/** Published in the post's thread. */
	APPROVED,

	/** Waiting for a moderator: not public. */
	HELD,

	/** Judged spam: not public. */
	SPAM,

	/** Turned down by a moderator: not public. */
	REJECTED;

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
