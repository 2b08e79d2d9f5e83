package dev.moderato.spam;

/**
 * Platt scaling: fits {@code p = sigmoid(scale * z + shift)} to held-out classifier log-odds {@code z} by Newton's
 * method on the log-loss, with Platt's smoothed targets, so a threshold like 0.9 means about 90% of such comments
 * are spam.
 */
record PlattScaling(double scale, double shift) {

	static final PlattScaling IDENTITY = new PlattScaling(1, 0);

	private static final int ITERATIONS = 50;

	double apply(double logit) {
		return this.scale * logit + this.shift;
	}

	static PlattScaling fit(double[] logits, boolean[] spam) {
		int positives = 0;
		for (boolean s : spam) {
			positives += s ? 1 : 0;
		}
		int negatives = spam.length - positives;
		if (positives == 0 || negatives == 0) {
			return IDENTITY;
		}
		double high = (positives + 1.0) / (positives + 2.0);
		double low = 1.0 / (negatives + 2.0);
		double a = 1;
		double b = 0;
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			double gA = 0, gB = 0, hAA = 1e-9, hAB = 0, hBB = 1e-9;
			for (int i = 0; i < logits.length; i++) {
				double p = LogisticRegression.sigmoid(a * logits[i] + b);
				double error = p - (spam[i] ? high : low);
				double w = Math.max(p * (1 - p), 1e-12);
				gA += error * logits[i];
				gB += error;
				hAA += w * logits[i] * logits[i];
				hAB += w * logits[i];
				hBB += w;
			}
			double determinant = hAA * hBB - hAB * hAB;
			if (Math.abs(determinant) < 1e-18) {
				break;
			}
			double dA = (hBB * gA - hAB * gB) / determinant;
			double dB = (hAA * gB - hAB * gA) / determinant;
			a -= dA;
			b -= dB;
			if (Math.abs(dA) + Math.abs(dB) < 1e-9) {
				break;
			}
		}
		return a > 0 ? new PlattScaling(a, b) : IDENTITY;
	}

}
