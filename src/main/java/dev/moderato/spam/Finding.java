package dev.moderato.spam;

/**
 * What a signal found: a reason in a moderator's words, how much it moves the spam log-odds, whether it holds the
 * comment for review or marks it spam regardless of the score, and whether it is <em>specific</em> evidence of spam
 * (what spam does and readers rarely do: a shortened or keyword-stuffed link, contact bait, a known spam domain). Only
 * a comment with specific evidence can be marked spam by its score; everything else that looks doubtful is held.
 */
record Finding(String reason, double weight, Effect effect, boolean specific) {

	enum Effect {

		/** Only moves the score. */
		SCORE,

		/** Moves the score, and turns an approval into a hold. */
		HOLD,

		/** Marks the comment spam whatever the score. */
		SPAM

	}

	static Finding score(String reason, double weight) {
		return new Finding(reason, weight, Effect.SCORE, false);
	}

	static Finding hold(String reason, double weight) {
		return new Finding(reason, weight, Effect.HOLD, false);
	}

	static Finding spam(String reason) {
		return new Finding(reason, 0, Effect.SPAM, true);
	}

	/** Specific evidence of spam that moves the score. */
	static Finding evidence(String reason, double weight) {
		return new Finding(reason, weight, Effect.SCORE, true);
	}

	/** Specific evidence of spam that also holds the comment. */
	static Finding heldEvidence(String reason, double weight) {
		return new Finding(reason, weight, Effect.HOLD, true);
	}

}
