package dev.moderato.intake;

/**
 * A submission that refers to something it may not: an unknown post, or a parent comment it cannot reply to.
 */
public class SubmissionRefused extends RuntimeException {

	/** Why it was refused. */
	public enum Reason {

		UNKNOWN_POST, UNKNOWN_PARENT, PARENT_ON_OTHER_POST, PARENT_NOT_PUBLISHED

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
