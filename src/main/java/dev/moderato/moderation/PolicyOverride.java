package dev.moderato.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.moderato.spam.Assessment;
import dev.moderato.spam.Verdict;

/**
 * What a moderator's trust or ban does to the spam filter's verdict: a banned commenter's comments go to spam; a
 * trusted commenter skips the hold, and is held rather than silently marked spam.
 */
final class PolicyOverride {

	private PolicyOverride() {
	}

	static Assessment apply(Assessment assessment, Optional<CommenterPolicies.Kind> policy) {
		if (policy.isEmpty()) {
			return assessment;
		}
		List<String> reasons = new ArrayList<>(assessment.reasons());
		if (policy.get() == CommenterPolicies.Kind.BANNED) {
			reasons.add(0, "commenter is banned");
			return new Assessment(Verdict.SPAM, Math.max(assessment.score(), 0.99), reasons);
		}
		return switch (assessment.verdict()) {
			case APPROVED -> assessment;
			case HELD -> {
				reasons.add(0, "trusted commenter: hold skipped");
				yield new Assessment(Verdict.APPROVED, assessment.score(), reasons);
			}
			case SPAM -> {
				reasons.add(0, "trusted commenter: held instead of spam");
				yield new Assessment(Verdict.HELD, assessment.score(), reasons);
			}
		};
	}

}
