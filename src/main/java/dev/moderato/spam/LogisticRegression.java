package dev.moderato.spam;

/**
 * Online logistic regression over hashed binary features, L2-normalised per comment, trained by AdaGrad (a step size
 * per feature that shrinks as the feature is seen, so rare new features learn fast and common ones stay stable). One
 * update touches only the comment's own features. Not thread-safe: {@link TextClassifier} guards it.
 */
final class LogisticRegression {

	private static final double RATE = 0.5;

	private static final double L2 = 1e-5;

	final float[] weights = new float[Features.SIZE];

	final float[] squaredGradients = new float[Features.SIZE];

	final double[] bias = new double[2]; // weight, squared gradient

	double logit(int[] features) {
		double value = value(features);
		double z = this.bias[0];
		for (int f : features) {
			z += this.weights[f] * value;
		}
		return z;
	}

	void learn(int[] features, boolean spam) {
		double p = sigmoid(logit(features));
		double error = p - (spam ? 1 : 0);
		double value = value(features);
		for (int f : features) {
			double gradient = error * value + L2 * this.weights[f];
			this.squaredGradients[f] += (float) (gradient * gradient);
			this.weights[f] -= (float) (RATE * gradient / Math.sqrt(this.squaredGradients[f] + 1e-8));
		}
		this.bias[1] += error * error;
		this.bias[0] -= RATE * error / Math.sqrt(this.bias[1] + 1e-8);
	}

	private static double value(int[] features) {
		return features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
