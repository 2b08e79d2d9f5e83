package dev.moderato.spam.eval;

import java.util.Locale;

import dev.moderato.spam.Verdict;

/**
 * Counts verdicts per true class and derives the figures, treating "spam verdict" as the positive prediction (a held
 * comment counts as not spam).
 */
final class Tally {

	/** [spam? 1 : 0][verdict ordinal] */
	private final long[][] counts = new long[2][Verdict.values().length];

	void add(boolean spam, Verdict verdict) {
		this.counts[spam ? 1 : 0][verdict.ordinal()]++;
	}

	long count(boolean spam, Verdict verdict) {
		return this.counts[spam ? 1 : 0][verdict.ordinal()];
	}

	long total(boolean spam) {
		long sum = 0;
		for (long c : this.counts[spam ? 1 : 0]) {
			sum += c;
		}
		return sum;
	}

	long all() {
		return total(true) + total(false);
	}

	double precision() {
		return ratio(truePositives(), truePositives() + falsePositives());
	}

	double recall() {
		return ratio(truePositives(), total(true));
	}

	double f1() {
		double p = precision();
		double r = recall();
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	double mcc() {
		double tp = truePositives();
		double fp = falsePositives();
		double fn = total(true) - tp;
		double tn = total(false) - fp;
		double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
		return denominator == 0 ? 0 : (tp * tn - fp * fn) / denominator;
	}

	double falsePositiveRate() {
		return ratio(falsePositives(), total(false));
	}

	double leak() {
		return ratio(count(true, Verdict.APPROVED), total(true));
	}

	double held() {
		return ratio(count(true, Verdict.HELD) + count(false, Verdict.HELD), all());
	}

	/** Ham held for review / ham: readers who wait for a moderator. */
	double readersHeld() {
		return ratio(count(false, Verdict.HELD), total(false));
	}

	String result(double throughput) {
		return String.format(Locale.ROOT,
				"RESULT n=%d precision=%.4f recall=%.4f f1=%.4f mcc=%.4f fpr=%.4f leak=%.4f readersHeld=%.4f held=%.4f"
						+ " throughput=%.0f/s",
				all(), precision(), recall(), f1(), mcc(), falsePositiveRate(), leak(), readersHeld(), held(),
				throughput);
	}

	private long truePositives() {
		return count(true, Verdict.SPAM);
	}

	private long falsePositives() {
		return count(false, Verdict.SPAM);
	}

	private static double ratio(double a, double b) {
		return b == 0 ? 0 : a / b;
	}

}
