package dev.moderato.gdpr;

/**
 * A confirmation link that cannot be used: tampered with, expired, or used already.
 */
public class RequestLinkProblem extends RuntimeException {

	/** Why. */
	public enum Kind {

		TAMPERED, EXPIRED, USED

	}

	private final Kind kind;

	RequestLinkProblem(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
