package dev.moderato.spam;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The learned text model: logistic regression over hashed features, calibrated by Platt scaling. Batch training
 * first fits {@value #CALIBRATION_FOLDS} models on folds of the data to get held-out log-odds for the calibration,
 * then fits the final model on all of it ({@value #EPOCHS} shuffled passes). A moderator decision is one cheap online
 * step; the calibration stays as trained.
 */
final class TextClassifier {

	static final int EPOCHS = 10;

	static final int CALIBRATION_FOLDS = 5;

	LogisticRegression regression = new LogisticRegression();

	PlattScaling calibration = PlattScaling.IDENTITY;

	/** Calibrated log-odds that the text is spam. */
	double logit(int[] features) {
		return this.calibration.apply(this.regression.logit(features));
	}

	void learn(int[] features, boolean spam) {
		this.regression.learn(features, spam);
	}

	void train(List<int[]> features, List<Boolean> labels, long seed) {
		int n = features.size();
		double[] heldOut = new double[n];
		boolean[] spam = new boolean[n];
		for (int k = 0; k < CALIBRATION_FOLDS; k++) {
			LogisticRegression fold = new LogisticRegression();
			fit(fold, features, labels, seed + k, k);
			for (int i = k; i < n; i += CALIBRATION_FOLDS) {
				heldOut[i] = fold.logit(features.get(i));
				spam[i] = labels.get(i);
			}
		}
		this.calibration = PlattScaling.fit(heldOut, spam);
		this.regression = new LogisticRegression();
		fit(this.regression, features, labels, seed, -1);
	}

	/** Shuffled passes over every example except those of fold {@code skip} (position modulo the fold count). */
	private static void fit(LogisticRegression model, List<int[]> features, List<Boolean> labels, long seed, int skip) {
		int[] order = new int[features.size()];
		int size = 0;
		for (int i = 0; i < order.length; i++) {
			if (i % CALIBRATION_FOLDS != skip) {
				order[size++] = i;
			}
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int epoch = 0; epoch < EPOCHS; epoch++) {
			for (int i = size - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int i = 0; i < size; i++) {
				model.learn(features.get(order[i]), labels.get(order[i]));
			}
		}
	}

}
