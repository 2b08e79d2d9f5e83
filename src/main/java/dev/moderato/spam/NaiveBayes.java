package dev.moderato.spam;

/**
 * Binarised multinomial naive Bayes over hashed features: per-class feature counts with additive smoothing. Learning a
 * comment is one pass over its features; the counts are the whole state. Not thread-safe: {@link TextClassifier}
 * guards it.
 */
final class NaiveBayes {

	private static final double ALPHA = 0.5;

	final float[][] counts = { new float[Features.SIZE], new float[Features.SIZE] };

	final double[] totals = new double[2];

	final int[] documents = new int[2];

	/** log((spam count + a) / (ham count + a)) per feature, kept current so scoring needs no logarithm per feature. */
	final float[] ratios = new float[Features.SIZE];

	void learn(int[] features, boolean spam) {
		int c = spam ? 1 : 0;
		for (int f : features) {
			this.counts[c][f]++;
			this.ratios[f] = (float) Math.log((this.counts[1][f] + ALPHA) / (this.counts[0][f] + ALPHA));
		}
		this.totals[c] += features.length;
		this.documents[c]++;
	}

	/** Log-odds of spam from the features alone (class priors left out: the thresholds carry the policy). */
	double logOdds(int[] features) {
		double sum = 0;
		for (int f : features) {
			sum += this.ratios[f];
		}
		return sum + features.length * normaliser();
	}

	double contribution(int feature) {
		return this.ratios[feature] + normaliser();
	}

	private double normaliser() {
		double vocabulary = ALPHA * Features.SIZE;
		return Math.log(this.totals[0] + vocabulary) - Math.log(this.totals[1] + vocabulary);
	}

	void restoreRatios() {
		for (int f = 0; f < Features.SIZE; f++) {
			this.ratios[f] = (float) Math.log((this.counts[1][f] + ALPHA) / (this.counts[0][f] + ALPHA));
		}
	}

}
