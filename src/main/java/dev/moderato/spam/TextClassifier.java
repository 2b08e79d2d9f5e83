package dev.moderato.spam;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The learned text model: naive Bayes and logistic regression over the same hashed features, their log-odds blended
 * (naive Bayes tempered, as its independence assumption makes it over-confident). Batch training makes several
 * shuffled passes for the regression; a moderator decision is one cheap online step of each.
 */
final class TextClassifier {

	static final double NB_WEIGHT = Double.parseDouble(System.getProperty("nbw", "0.5"));

	static final double NB_POWER = Double.parseDouble(System.getProperty("nbp", "0.5"));

	static final double LR_WEIGHT = Double.parseDouble(System.getProperty("lrw", "1"));

	static final int EPOCHS = Integer.getInteger("epochs", 10);

	static final double ONLINE_RATE = Double.parseDouble(System.getProperty("olr", "1"));

	final NaiveBayes bayes = new NaiveBayes();

	final LogisticRegression regression = new LogisticRegression();

	double logit(int[] features) {
		return LR_WEIGHT * this.regression.logit(features) + NB_WEIGHT * tempered(features);
	}

	void learn(int[] features, boolean spam) {
		this.bayes.learn(features, spam);
		this.regression.learn(features, spam, ONLINE_RATE);
	}

	void train(List<int[]> features, List<Boolean> labels, long seed) {
		for (int i = 0; i < features.size(); i++) {
			this.bayes.learn(features.get(i), labels.get(i));
		}
		int[] order = new int[features.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int epoch = 0; epoch < EPOCHS; epoch++) {
			for (int i = order.length - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int i : order) {
				this.regression.learn(features.get(i), labels.get(i), 1);
			}
		}
	}

	/** Weight of one feature in the blended log-odds, for explaining a score. */
	double contribution(int feature, int featureCount) {
		double scale = featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount);
		return LR_WEIGHT * this.regression.weights[feature] * scale
				+ NB_WEIGHT * this.bayes.contribution(feature) / Math.pow(Math.max(1, featureCount), NB_POWER);
	}

	private double tempered(int[] features) {
		return this.bayes.logOdds(features) / Math.pow(Math.max(1, features.length), NB_POWER);
	}

}
