package dev.moderato.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moderato.spam.corpus.BundledCorpus;
import dev.moderato.spam.corpus.LabelledText;
import org.jspecify.annotations.Nullable;

/**
 * The spam engine: a learned text classifier (naive Bayes blended with logistic regression over hashed word and
 * character n-grams) plus named signals (links, linked domains' reputation, contact bait, author identity, repeated
 * text, shouting, character tricks, velocity, honeypot and typing time, commenter reputation, word lists), turned
 * into a verdict by the {@link SpamSettings} policy. Moderator decisions teach it online; its state travels as bytes.
 * <p>
 * Each site (blog) has its own learned layer on top of the shared, frozen prior: a comment is judged by its
 * {@link Candidate#siteId() site}'s layer, a decision teaches only its site's layer, and a new site starts with the
 * prior alone. Layers are made on first use; in the application a {@link SiteLoader} loads them from PostgreSQL and
 * only a bounded number stay in memory.
 * <p>
 * Pure Java: no Spring, and no I/O while scoring or learning except a site loader's on a site's first use.
 * Thread-safe: any number of concurrent {@link #assess(Candidate)} calls, with {@link #learn(Candidate, boolean)} and
 * {@link #restore(byte[])} taking turns with them.
 */
public final class SpamFilter {

	private final SpamSettings settings;

	private final List<Signal> signals;

	private final VerdictPolicy policy;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/** The prior every site starts from (its own site layer stays empty: it learns nothing). */
	private volatile Model template;

	/** Each site's model: the shared prior and the site's own layer. Unbounded until a loader is attached. */
	private final Cache<String, Model> sites = Caffeine.newBuilder()
		.maximumSize(Long.MAX_VALUE)
		.executor(Runnable::run) // evict in the caller: no background pool
		.build();

	private volatile SiteLoader loader = (filter, site) -> filter.newSiteModel();

	/** Makes a site's model on its first use (or after it was evicted): e.g. its saved layer and the decisions since. */
	@FunctionalInterface
	interface SiteLoader {

		Model load(SpamFilter filter, String siteId);

	}

	/** The last post's words: comments come in runs on the same post, so its title is read once per run. */
	private volatile CachedTopic lastTopic = new CachedTopic(null, null, PostTopic.NONE);

	private record CachedTopic(@Nullable String title, @Nullable String url, PostTopic topic) {
	}

	private PostTopic topicOf(Candidate candidate) {
		CachedTopic last = this.lastTopic;
		if (java.util.Objects.equals(last.title(), candidate.postTitle())
				&& java.util.Objects.equals(last.url(), candidate.postUrl())) {
			return last.topic();
		}
		PostTopic topic = PostTopic.of(candidate);
		this.lastTopic = new CachedTopic(candidate.postTitle(), candidate.postUrl(), topic);
		return topic;
	}

	private SpamFilter(SpamSettings settings, Model template) {
		this.settings = settings;
		this.template = template;
		this.policy = new VerdictPolicy(settings);
		this.signals = List.of(new WordLists(settings), new LinkCount(settings), new LinkedDomains(), new Shorteners(),
				new LinkJudgement(), new ContactBait(), new SelfPromotion(), new AuthorIdentity(), new GenericPraise(),
				new RepeatedText(), new Shouting(), new CharacterTricks(), new PostContext(), new Abuse(),
				new Velocity(settings), new SubmissionTiming(settings), new CommenterReputation(settings));
	}

	/** An engine that has learned nothing yet: only the signals and the policy judge. */
	public static SpamFilter untrained(SpamSettings settings) {
		return new SpamFilter(settings, new Model());
	}

	/**
	 * An engine trained from scratch on these labelled texts, taken as this site's own moderated comments (several
	 * passes; takes well under a second for 2,000).
	 */
	public static SpamFilter trainedOn(SpamSettings settings, List<LabelledText> examples) {
		return trainedOn(settings, examples, true);
	}

	private static SpamFilter trainedOn(SpamSettings settings, List<LabelledText> examples, boolean ownSite) {
		List<String> texts = new ArrayList<>(examples.size());
		List<Boolean> labels = new ArrayList<>(examples.size());
		for (LabelledText example : examples) {
			texts.add(example.text());
			labels.add(example.spam());
		}
		return new SpamFilter(settings, Model.trainedOn(texts, labels, ownSite));
	}

	/**
	 * The shipped cold-start engine: its prior trained on the bundled corpus (the YouTube Spam Collection and blog
	 * comments), its site layer empty.
	 */
	public static SpamFilter withDefaultModel(SpamSettings settings) {
		return trainedOn(settings, BundledCorpus.load(), false);
	}

	/**
	 * An engine whose learned state is a {@link #snapshot()}.
	 * @throws IllegalArgumentException if the bytes are not a snapshot of this format version
	 */
	public static SpamFilter fromSnapshot(SpamSettings settings, byte[] snapshot) {
		Model model = ModelSnapshot.read(snapshot);
		SpamFilter filter = new SpamFilter(settings, model.forNewSite());
		filter.sites.put(Candidate.DEFAULT_SITE, model);
		return filter;
	}

	/**
	 * Loads sites' models with this loader from now on, keeping at most {@code sitesInMemory} of them (the least used
	 * go, and are loaded again when needed). Sites already in memory stay.
	 */
	void loadSitesWith(SiteLoader loader, int sitesInMemory) {
		this.loader = loader;
		this.sites.policy().eviction().ifPresent(eviction -> eviction.setMaximum(sitesInMemory));
	}

	private Model site(String siteId) {
		return this.sites.get(siteId, id -> this.loader.load(this, id));
	}

	/** A site's model if it is in memory (else it learns its decisions when it is loaded). */
	@Nullable Model resident(String siteId) {
		return this.sites.getIfPresent(siteId);
	}

	/** A new site's model: the prior and an empty site layer. */
	Model newSiteModel() {
		return this.template.forNewSite();
	}

	/** A site's model from its {@link #siteSnapshot site snapshot}. @throws IllegalArgumentException if not one */
	Model siteModelFrom(byte[] snapshot) {
		return ModelSnapshot.readSite(this.template, snapshot);
	}

	/** A site layer as bytes (format version 3: the layer alone, not the shared prior). */
	byte[] siteSnapshot(Model site) {
		this.lock.readLock().lock();
		try {
			return ModelSnapshot.writeSite(site);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** A private copy of a site's model, to try learning on without touching the site. */
	Model siteCopy(String siteId) {
		Model site = site(siteId);
		this.lock.readLock().lock();
		try {
			return site.copy();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Judges a comment: spam probability, verdict under the policy, and the reasons in a moderator's words. */
	public Assessment assess(Candidate candidate) {
		return assess(site(candidate.siteId()), candidate);
	}

	/** Judges a comment with this site model (whatever the candidate's site). */
	Assessment assess(Model model, Candidate candidate) {
		Analysis text = Analysis.of(candidate.text());
		int[] features = Features.of(text);
		PostTopic topic = topicOf(candidate);
		List<Finding> findings = new ArrayList<>(4);
		double prior;
		double site;
		double learnedHere;
		@Nullable String phrase;
		this.lock.readLock().lock();
		try {
			prior = model.classifier.logit(features);
			site = model.siteLogit(features);
			learnedHere = model.learnedHere(prior, site);
			Evidence evidence = new Evidence(candidate, text, model.domains, topic);
			for (Signal signal : this.signals) {
				signal.inspect(evidence, findings);
			}
			phrase = prior + site > 0 ? Explanation.strongestPhrase(text, features.length, model) : null;
		}
		finally {
			this.lock.readLock().unlock();
		}
		return this.policy.decide(prior, site, learnedHere, phrase, findings, this.settings.trusts(candidate));
	}

	/**
	 * Learns from a moderator decision: {@code spam} true for "mark spam", false for "approve" or "not spam". Teaches
	 * this site's own layer what the rest of the engine got wrong (the bundled prior never changes) and updates the
	 * domain reputation, in one cheap step (the commenter's own reputation lives with the caller's comment history).
	 */
	public void learn(Candidate candidate, boolean spam) {
		learn(site(candidate.siteId()), candidate, spam);
	}

	/** Teaches this site model a decision (whatever the candidate's site). */
	void learn(Model model, Candidate candidate, boolean spam) {
		Analysis text = Analysis.of(candidate.text());
		int[] features = Features.of(text);
		PostTopic topic = topicOf(candidate);
		List<Finding> findings = new ArrayList<>(4);
		this.lock.writeLock().lock();
		try {
			double offset = model.classifier.logit(features);
			Evidence evidence = new Evidence(candidate, text, model.domains, topic);
			for (Signal signal : this.signals) {
				signal.inspect(evidence, findings);
			}
			for (Finding finding : findings) {
				offset += finding.weight();
			}
			model.learn(text, features, offset, spam);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * The prior and the default site's layer as bytes, for {@link #restore(byte[])} or
	 * {@link #fromSnapshot(SpamSettings, byte[])} (other sites' layers travel one by one, as site snapshots).
	 */
	public byte[] snapshot() {
		Model model = site(Candidate.DEFAULT_SITE);
		this.lock.readLock().lock();
		try {
			return ModelSnapshot.write(model);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Replaces the learned state with a {@link #snapshot()}'s: its prior for every site, its site layer for the default
	 * site; other sites start again from the new prior. The policy stays.
	 * @throws IllegalArgumentException if the bytes are not a snapshot of this format version
	 */
	public void restore(byte[] snapshot) {
		Model restored = ModelSnapshot.read(snapshot);
		this.lock.writeLock().lock();
		try {
			this.template = restored.forNewSite();
			this.sites.invalidateAll();
			this.sites.put(Candidate.DEFAULT_SITE, restored);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The policy this engine applies. */
	public SpamSettings settings() {
		return this.settings;
	}

}
