package dev.moderato.spam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns the text model's log-odds and the signals' findings into a verdict, as a careful moderator would: a spam
 * verdict hides a comment from everyone, so it needs strong, specific evidence; everything unsure is held, never
 * spam.
 * <p>
 * The findings' weights add to the text model's log-odds (the prior's plus this site's own layer); the sum's
 * probability is the score. {@code SPAM} when a listed spam word matched, or when the score reaches
 * {@code spamThreshold} <em>and</em> there is specific evidence: a finding marked specific (a keyword-stuffed or
 * shortened link, anchor-text links, contact bait, self-promotion wording, a commercial author website, text repeated
 * on other posts, a domain seen in spam) or this site's moderators having marked comments like it spam. Without such
 * evidence the text model alone marks spam only at {@code classifierAloneSpamAt} (by default never); it holds. Else
 * {@code HELD} if the score reaches {@code holdThreshold} or a finding holds; else {@code APPROVED}. A trusted
 * commenter's comment is held only by a finding or a spam-level score.
 */
final class VerdictPolicy {

	/** The site layer's own log-odds from which "moderators here marked comments like this spam" is evidence. */
	static final double SITE_EVIDENCE = 1.5;

	/**
	 * From this score on, a link to an unknown site ({@link LinkJudgement#ELSEWHERE}) or a messenger named without a
	 * way to reach anyone there ({@link ContactBait#MESSENGER}) counts as specific evidence.
	 */
	static final double NEAR_CERTAIN = 0.9;

	/** Site layer log-odds that confirm near-certain wording (weaker than {@link #SITE_EVIDENCE} on its own). */
	static final double CONFIRMED = 0.5;

	private final SpamSettings settings;

	VerdictPolicy(SpamSettings settings) {
		this.settings = settings;
	}

	/**
	 * @param priorLogit the bundled model's log-odds for the text
	 * @param siteLogit what this site's own layer adds (its features only, no bias)
	 * @param learnedHere what this site's moderators' decisions say (the site layer, plus the prior if it was trained
	 * on this site's own comments)
	 */
	Assessment decide(double priorLogit, double siteLogit, double learnedHere, @Nullable String phrase,
			List<Finding> findings, boolean trusted) {
		double textLogit = priorLogit + siteLogit;
		double logit = textLogit;
		boolean forcedSpam = false;
		boolean hold = false;
		boolean specific = learnedHere >= SITE_EVIDENCE;
		for (Finding finding : findings) {
			logit += finding.weight();
			forcedSpam |= finding.effect() == Finding.Effect.SPAM;
			hold |= finding.effect() == Finding.Effect.HOLD;
			specific |= finding.specific();
		}
		double score = LogisticRegression.sigmoid(logit);
		specific |= score >= NEAR_CERTAIN
				&& (findings.contains(LinkJudgement.ELSEWHERE) || findings.contains(ContactBait.MESSENGER));
		// near-certain wording that this site's own decisions also lean towards spam: the moderators confirmed it
		boolean confirmed = !specific && score >= NEAR_CERTAIN && learnedHere >= CONFIRMED;
		specific |= confirmed;
		double holdThreshold = trusted ? this.settings.spamThreshold() : this.settings.holdThreshold();
		boolean spamLevel = score >= this.settings.spamThreshold();
		boolean aloneEnough = this.settings.classifierAloneSpamAt() < 1 && score >= this.settings.classifierAloneSpamAt();
		Verdict verdict;
		if (forcedSpam || (spamLevel && (specific || aloneEnough))) {
			verdict = Verdict.SPAM;
			score = forcedSpam ? Math.max(score, 0.99) : score;
		}
		else if (score >= holdThreshold || hold) {
			verdict = Verdict.HELD;
		}
		else {
			verdict = Verdict.APPROVED;
		}
		List<String> reasons = reasons(textLogit, learnedHere, phrase, findings);
		if (confirmed && verdict == Verdict.SPAM && learnedHere < SITE_EVIDENCE) {
			reasons.add("this site's moderators marked similar comments spam");
		}
		if (verdict == Verdict.HELD && spamLevel && !specific) {
			reasons.add("held, not marked spam: nothing specific (a link, contact details, sales wording) shows spam");
		}
		return new Assessment(verdict, score, reasons);
	}

	/** 0.974 as "0.97", without the cost of a formatter. */
	static String twoDecimals(double p) {
		long hundredths = Math.round(p * 100);
		return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
	}

	/**
	 * The text model first, in words, when it has something to say (a probability of at least 0.25); then the
	 * findings, spam first, then by weight. A comment held only as a first comment gets that reason alone.
	 */
	private static List<String> reasons(double textLogit, double learnedHere, @Nullable String phrase,
			List<Finding> findings) {
		List<Finding> ordered = new ArrayList<>(findings);
		ordered.sort(Comparator.comparing((Finding f) -> f.effect() != Finding.Effect.SPAM)
			.thenComparing(Finding::weight, Comparator.reverseOrder()));
		List<String> reasons = new ArrayList<>();
		double p = LogisticRegression.sigmoid(textLogit);
		if (p >= 0.5) {
			String model = "wording reads like spam (text model " + twoDecimals(p) + ")";
			reasons.add(phrase == null ? model : model + ": '" + phrase + "'");
		}
		else if (p >= 0.25) {
			reasons.add("wording is unusual, neither clearly spam nor clearly not (text model " + twoDecimals(p) + ")");
		}
		if (learnedHere >= SITE_EVIDENCE) {
			reasons.add("resembles comments this site's moderators marked spam");
		}
		else if (learnedHere <= -SITE_EVIDENCE) {
			reasons.add("resembles comments this site's moderators approved");
		}
		for (Finding finding : ordered) {
			reasons.add(finding.reason());
		}
		if (reasons.isEmpty()) {
			reasons.add("no spam signals");
		}
		return reasons;
	}

}
