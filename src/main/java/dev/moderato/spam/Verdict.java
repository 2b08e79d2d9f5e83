package dev.moderato.spam;

/**
 * What the spam filter decided.
 */
public enum Verdict {

	/** Publish it. */
	APPROVED,

	/** Unsure, or a policy asks for a look: a moderator decides. */
	HELD,

	/** Spam: not published, kept in the spam queue. */
	SPAM

}
