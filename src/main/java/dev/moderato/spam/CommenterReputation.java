package dev.moderato.spam;

import java.util.List;

/**
 * Signal: what this commenter's earlier comments came to. Earlier spam raises the score and holds; several published
 * comments and no spam lower it. Optionally holds a commenter's first comment.
 */
final class CommenterReputation implements Signal {

	private final SpamSettings settings;

	CommenterReputation(SpamSettings settings) {
		this.settings = settings;
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Candidate candidate = evidence.candidate();
		if (candidate.priorSpam() > 0) {
			findings.add(Finding.hold(
					"commenter has " + plural(candidate.priorSpam()) + " judged spam before",
					1.5 + 0.5 * Math.min(candidate.priorSpam() - 1, 3) - 0.3 * Math.min(candidate.priorApproved(), 3)));
		}
		else if (this.settings.trusts(candidate)) {
			findings.add(Finding.score("commenter has " + candidate.priorApproved() + " published comments", -1.5));
		}
		if (this.settings.holdFirstComment() && candidate.priorApproved() == 0) {
			findings.add(Finding.hold(candidate.priorSpam() == 0 ? "first comment from this commenter"
					: "no published comment from this commenter yet", 0));
		}
	}

	private static String plural(int n) {
		return n == 1 ? "1 comment" : n + " comments";
	}

}
