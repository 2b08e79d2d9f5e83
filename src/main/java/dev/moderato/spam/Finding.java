package dev.moderato.spam;

/**
 * What a signal found: a reason in a moderator's words, how much it moves the spam log-odds, and whether it holds the
 * comment for review or marks it spam regardless of the score.
 */
record Finding(String reason, double weight, Effect effect) {

	enum Effect {

		/** Only moves the score. */
		SCORE,

		/** Moves the score, and turns an approval into a hold. */
		HOLD,

		/** Marks the comment spam whatever the score. */
		SPAM

	}

	static Finding score(String reason, double weight) {
		return new Finding(reason, weight, Effect.SCORE);
	}

	static Finding hold(String reason, double weight) {
		return new Finding(reason, weight, Effect.HOLD);
	}

	static Finding spam(String reason) {
		return new Finding(reason, 0, Effect.SPAM);
	}

}
