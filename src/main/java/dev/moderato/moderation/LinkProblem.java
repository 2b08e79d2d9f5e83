package dev.moderato.moderation;

/**
 * A one-click link that cannot be used.
 */
public class LinkProblem extends RuntimeException {

	/** Why. */
	public enum Kind {

		/** Not a link we signed, or altered since. */
		TAMPERED,

		/** Past its expiry. */
		EXPIRED,

		/** Already used once. */
		USED

	}

	private final Kind kind;

	LinkProblem(Kind kind, String message) {
		super(message);
		this.kind = kind;
	}

	public Kind kind() {
		return this.kind;
	}

}
