package dev.moderato.spam;

import java.util.List;
import java.util.Objects;

/**
 * The spam filter's judgement.
 *
 * @param verdict what to do with the comment
 * @param score spam probability, 0 to 1
 * @param reasons why, in words a moderator understands
 */
public record Assessment(Verdict verdict, double score, List<String> reasons) {

	public Assessment {
		Objects.requireNonNull(verdict, "verdict");
		reasons = List.copyOf(reasons);
		if (score < 0 || score > 1 || Double.isNaN(score)) {
			throw new IllegalArgumentException("score must be between 0 and 1");
		}
	}

}
