package dev.moderato.intake;

/**
 * A submission that refers to something it may not: an unknown post, a post whose comments are closed, a post that
 * cannot be created on first use, or a parent comment it cannot reply to.
 */
public class SubmissionRefused extends RuntimeException {

	/** Why it was refused. */
	public enum Reason {

		UNKNOWN_POST, UNKNOWN_PARENT, PARENT_ON_OTHER_POST, PARENT_NOT_PUBLISHED,
		/** The post takes no more comments: closed by an admin or by its site's age limit. */
		COMMENTS_CLOSED,
		/** The post would be created on first use, but its site names no author to notify. */
		SITE_WITHOUT_AUTHOR

	}

	private final Reason reason;

	SubmissionRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
