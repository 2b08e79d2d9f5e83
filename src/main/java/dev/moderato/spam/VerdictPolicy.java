package dev.moderato.spam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns the classifier's log-odds and the signals' findings into a verdict. The findings' weights add to the
 * classifier's log-odds; the sum's probability is compared with the thresholds. A listed spam word marks spam
 * outright; a hold finding only turns an approval into a hold, so a confident spam verdict beats it.
 * <p>
 * Two safeguards keep real comments out of the spam folder when the text model meets unfamiliar writing (the default
 * model learned mostly from YouTube comments, not blog comments): the classifier alone marks spam only when it is
 * sure ({@code classifierAloneSpamAt}) or the comment shows what spam does (a link, contact details, a bait
 * phrase, or another signal); otherwise it holds. And a trusted commenter's comment is held only by a finding or a
 * spam-level score, not by an unsure one.
 */
final class VerdictPolicy {

	private final SpamSettings settings;

	VerdictPolicy(SpamSettings settings) {
		this.settings = settings;
	}

	Assessment decide(double classifierLogit, @Nullable String phrase, List<Finding> findings, boolean corroborated,
			boolean trusted) {
		double logit = classifierLogit;
		boolean forcedSpam = false;
		boolean hold = false;
		for (Finding finding : findings) {
			logit += finding.weight();
			forcedSpam |= finding.effect() == Finding.Effect.SPAM;
			hold |= finding.effect() == Finding.Effect.HOLD;
			corroborated |= finding.weight() > 0;
		}
		double score = LogisticRegression.sigmoid(logit);
		double holdThreshold = trusted ? this.settings.spamThreshold() : this.settings.holdThreshold();
		Verdict verdict;
		if (forcedSpam || (score >= this.settings.spamThreshold() && (corroborated || score >= this.settings.classifierAloneSpamAt()))) {
			verdict = Verdict.SPAM;
			score = forcedSpam ? Math.max(score, 0.99) : score;
		}
		else if (score >= holdThreshold || hold) {
			verdict = Verdict.HELD;
		}
		else {
			verdict = Verdict.APPROVED;
		}
		return new Assessment(verdict, score, reasons(classifierLogit, phrase, findings));
	}

	/** 0.974 as "0.97", without the cost of a formatter. */
	static String twoDecimals(double p) {
		long hundredths = Math.round(p * 100);
		return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
	}

	private static List<String> reasons(double classifierLogit, @Nullable String phrase, List<Finding> findings) {
		List<Finding> ordered = new ArrayList<>(findings);
		ordered.sort(Comparator.comparing((Finding f) -> f.effect() != Finding.Effect.SPAM)
			.thenComparing(Finding::weight, Comparator.reverseOrder()));
		List<String> reasons = new ArrayList<>();
		double p = LogisticRegression.sigmoid(classifierLogit);
		String classifier = "classifier " + twoDecimals(p);
		reasons.add(phrase == null ? classifier : classifier + ": '" + phrase + "'");
		for (Finding finding : ordered) {
			reasons.add(finding.reason());
		}
		if (findings.isEmpty() && p < 0.5) {
			reasons.add("no spam signals");
		}
		return reasons;
	}

}
