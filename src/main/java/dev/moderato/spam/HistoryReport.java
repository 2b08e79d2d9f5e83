package dev.moderato.spam;

import java.util.List;

/**
 * What learning a site's history did: the site's verdicts on a held-back slice of the history (its newest comments)
 * before and after the rest was learned.
 *
 * @param before the site layer as it was
 * @param after the site layer with the rest of the history learned
 * @param learned how many comments were learned (the history less the held-back slice)
 */
public record HistoryReport(Figures before, Figures after, int learned) {

	/**
	 * Verdicts on the held-back slice, a spam verdict counting as positive and a held comment as not spam.
	 *
	 * @param mcc Matthews correlation coefficient (0 when undefined, e.g. no spam in the slice)
	 * @param fpr readers (ham) marked spam / readers
	 * @param leak spam approved / spam
	 * @param n comments in the slice
	 */
	public record Figures(double mcc, double fpr, double leak, int n) {

		static Figures of(List<Boolean> spam, List<Verdict> verdicts) {
			double tp = 0;
			double fp = 0;
			double fn = 0;
			double tn = 0;
			int leaked = 0;
			for (int i = 0; i < spam.size(); i++) {
				boolean positive = verdicts.get(i) == Verdict.SPAM;
				if (spam.get(i)) {
					tp += positive ? 1 : 0;
					fn += positive ? 0 : 1;
					leaked += verdicts.get(i) == Verdict.APPROVED ? 1 : 0;
				}
				else {
					fp += positive ? 1 : 0;
					tn += positive ? 0 : 1;
				}
			}
			double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
			double mcc = denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
			return new Figures(mcc, tn + fp == 0 ? 0 : fp / (tn + fp), tp + fn == 0 ? 0 : leaked / (tp + fn),
					spam.size());
		}

	}

}
