package dev.moderato.spam;

import java.util.List;

/**
 * Everything the engine learns: the text classifier and the domain reputation. Not thread-safe: the engine guards it.
 */
final class Model {

	private static final long TRAINING_SEED = 20150101L;

	final TextClassifier classifier = new TextClassifier();

	final DomainReputation domains = new DomainReputation();

	void learn(Analysis text, int[] features, boolean spam) {
		this.classifier.learn(features, spam);
		this.domains.learn(text.domains, spam);
	}

	static Model trainedOn(List<String> texts, List<Boolean> spam) {
		Model model = new Model();
		List<int[]> features = new java.util.ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			Analysis text = Analysis.of(texts.get(i));
			features.add(Features.of(text));
			model.domains.learn(text.domains, spam.get(i));
		}
		model.classifier.train(features, spam, TRAINING_SEED);
		return model;
	}

}
