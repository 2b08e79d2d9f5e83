package dev.moderato.spam;

/**
 * Online logistic regression over hashed binary features, L2-normalised per comment, trained by AdaGrad (a step size
 * per feature that shrinks as the feature is seen, so rare new features learn fast and common ones stay stable). One
 * update touches only the comment's own features. Not thread-safe: {@link TextClassifier} guards it.
 */
final class LogisticRegression {

	static final double RATE = 0.5;

	private final double rate;

	private static final double L2 = 1e-5;

	final float[] weights = new float[Features.SIZE];

	final float[] squaredGradients = new float[Features.SIZE];

	final double[] bias = new double[2]; // weight, squared gradient

	LogisticRegression() {
		this(RATE);
	}

	/** A regression with another AdaGrad base step size (a site's own layer learns faster than the prior). */
	LogisticRegression(double rate) {
		this.rate = rate;
	}

	double logit(int[] features) {
		double value = value(features);
		double z = this.bias[0];
		for (int f : features) {
			z += this.weights[f] * value;
		}
		return z;
	}

	void learn(int[] features, boolean spam) {
		learn(features, 0, spam);
	}

	/**
	 * One step towards the label for a model whose output is added to {@code offset} (another model's log-odds), so
	 * this one learns only what the other gets wrong.
	 */
	void learn(int[] features, double offset, boolean spam) {
		double p = sigmoid(offset + logit(features));
		double error = p - (spam ? 1 : 0);
		double value = value(features);
		for (int f : features) {
			double gradient = error * value + L2 * this.weights[f];
			this.squaredGradients[f] += (float) (gradient * gradient);
			this.weights[f] -= (float) (this.rate * gradient / Math.sqrt(this.squaredGradients[f] + 1e-8));
		}
		this.bias[1] += error * error;
		this.bias[0] -= this.rate * error / Math.sqrt(this.bias[1] + 1e-8);
	}

	/** The log-odds without the bias: what the features themselves say. */
	double featureLogit(int[] features) {
		return logit(features) - this.bias[0];
	}

	private static double value(int[] features) {
		return features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
