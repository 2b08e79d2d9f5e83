package dev.moderato.spam;

import java.util.List;

/**
 * Everything the engine learns, in two layers: the <em>prior</em>, a text classifier trained once on the bundled
 * corpus (never changed by decisions, so the global model cannot be poisoned through one site), and the
 * <em>site</em> layer, a second logistic regression that starts empty and learns from this site's moderator decisions
 * only what the prior gets wrong (it is trained on the prior's log-odds as an offset, with a larger step size, so a
 * handful of decisions moves the site's verdicts without the prior drowning them). Plus the linked domains'
 * reputation. Not thread-safe: the engine guards it.
 */
final class Model {

	private static final long TRAINING_SEED = 20150101L;

	/** The site layer's AdaGrad base step: a new pattern counts after a handful of decisions (0.3 did best on the held-out blog set, against 0.1 to 1.0). */
	static final double SITE_RATE = 0.3;

	/** The prior: shared by every site's model, never changed once trained. */
	final TextClassifier classifier;

	final LogisticRegression site = new LogisticRegression(SITE_RATE);

	final DomainReputation domains = new DomainReputation();

	Model() {
		this(new TextClassifier());
	}

	private Model(TextClassifier classifier) {
		this.classifier = classifier;
	}

	/**
	 * A new site's model: the same (shared, frozen) prior, a copy of this model's domain reputation, and an empty site
	 * layer of its own. Called on the engine's template model, which learns nothing.
	 */
	Model forNewSite() {
		Model model = new Model(this.classifier);
		model.ownSite = this.ownSite;
		model.domains.counts.putAll(copyOf(this.domains.counts));
		return model;
	}

	/** This model with its own copy of what the site learned (the prior stays shared). */
	Model copy() {
		Model model = new Model(this.classifier);
		model.ownSite = this.ownSite;
		model.siteLearned = this.siteLearned;
		System.arraycopy(this.site.weights, 0, model.site.weights, 0, Features.SIZE);
		System.arraycopy(this.site.squaredGradients, 0, model.site.squaredGradients, 0, Features.SIZE);
		System.arraycopy(this.site.bias, 0, model.site.bias, 0, this.site.bias.length);
		model.domains.counts.putAll(copyOf(this.domains.counts));
		return model;
	}

	private static java.util.Map<String, int[]> copyOf(java.util.Map<String, int[]> counts) {
		java.util.Map<String, int[]> copy = new java.util.HashMap<>(counts.size() * 2);
		counts.forEach((domain, c) -> copy.put(domain, c.clone()));
		return copy;
	}

	/**
	 * Whether the prior was itself trained on this site's own moderated comments (an engine built with
	 * {@code SpamFilter.trainedOn}): then what it learned is this site's moderators' judgement, and counts as such.
	 */
	boolean ownSite;

	/** Whether the site layer holds anything (else scoring skips it). */
	boolean siteLearned;

	/** The site layer's log-odds for these features (no bias). */
	double siteLogit(int[] features) {
		return this.siteLearned ? this.site.featureLogit(features) : 0;
	}

	/** Learns one of this site's decisions; {@code offset} is what the rest of the engine said (log-odds). */
	void learn(Analysis text, int[] features, double offset, boolean spam) {
		this.site.learn(features, offset, spam);
		this.siteLearned = true;
		this.domains.learn(text.domains, spam);
	}

	/**
	 * What this site's own moderators' decisions say about these features (log-odds, no bias), from the prior's and
	 * the site layer's {@link #siteLogit(int[]) log-odds} for them.
	 */
	double learnedHere(double priorLogit, double siteLogit) {
		return this.ownSite ? priorLogit + siteLogit : siteLogit;
	}

	/** Weight of one feature in the text model's log-odds (prior and site layer), for explaining a score. */
	double contribution(int feature, int featureCount) {
		return contribution(feature, featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount));
	}

	/** {@link #contribution(int, int)} with the features' common value {@code 1 / sqrt(featureCount)} worked out. */
	double contribution(int feature, double value) {
		double prior = this.classifier.calibration.scale() * this.classifier.regression.weights[feature] * value;
		return this.siteLearned ? prior + this.site.weights[feature] * value : prior; // an unlearned layer adds 0
	}

	/**
	 * A model trained on labelled texts. {@code ownSite}: the texts are this site's own decisions, so every linked
	 * domain's reputation counts; otherwise (the bundled corpus, other sites' comments) links to reference sites are
	 * left out, since a YouTube link is spam under a YouTube video and a source under a film review.
	 */
	static Model trainedOn(List<String> texts, List<Boolean> spam, boolean ownSite) {
		Model model = new Model();
		model.ownSite = ownSite;
		List<int[]> features = new java.util.ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			Analysis text = Analysis.of(texts.get(i));
			features.add(Features.of(text));
			// reference sites (YouTube, Wikipedia, ...) appear in any corpus's spam and ham: only a site's own
			// decisions say anything about them
			List<String> judged = new java.util.ArrayList<>(text.domains.size());
			for (int d = 0; d < text.domains.size(); d++) {
				if (ownSite || LinkTargets.of(text.hosts.get(d), text.domains.get(d)) != LinkTargets.Kind.REFERENCE) {
					judged.add(text.domains.get(d));
				}
			}
			model.domains.learn(judged, spam.get(i));
		}
		model.classifier.train(features, spam, TRAINING_SEED);
		return model;
	}

}
