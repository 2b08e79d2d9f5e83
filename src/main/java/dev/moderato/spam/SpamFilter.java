package dev.moderato.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.moderato.spam.corpus.BundledCorpus;
import dev.moderato.spam.corpus.LabelledText;
import org.jspecify.annotations.Nullable;

/**
 * The spam engine: a learned text classifier (naive Bayes blended with logistic regression over hashed word and
 * character n-grams) plus named signals (links, linked domains' reputation, contact bait, author identity, repeated
 * text, shouting, character tricks, velocity, honeypot and typing time, commenter reputation, word lists), turned
 * into a verdict by the {@link SpamSettings} policy. Moderator decisions teach it online; its state travels as bytes.
 * <p>
 * Pure Java: no Spring and no I/O while scoring or learning. Thread-safe: any number of concurrent
 * {@link #assess(Candidate)} calls, with {@link #learn(Candidate, boolean)} and {@link #restore(byte[])} taking
 * turns with them.
 */
public final class SpamFilter {

	private final SpamSettings settings;

	private final List<Signal> signals;

	private final VerdictPolicy policy;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private Model model;

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

	private SpamFilter(SpamSettings settings, Model model) {
		this.settings = settings;
		this.model = model;
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
		return new SpamFilter(settings, ModelSnapshot.read(snapshot));
	}

	/** Judges a comment: spam probability, verdict under the policy, and the reasons in a moderator's words. */
	public Assessment assess(Candidate candidate) {
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
			prior = this.model.classifier.logit(features);
			site = this.model.siteLogit(features);
			learnedHere = this.model.learnedHere(features, prior);
			Evidence evidence = new Evidence(candidate, text, this.model.domains, topic);
			for (Signal signal : this.signals) {
				signal.inspect(evidence, findings);
			}
			phrase = prior + site > 0 ? Explanation.strongestPhrase(text, features.length, this.model) : null;
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
		Analysis text = Analysis.of(candidate.text());
		int[] features = Features.of(text);
		PostTopic topic = topicOf(candidate);
		List<Finding> findings = new ArrayList<>(4);
		this.lock.writeLock().lock();
		try {
			double offset = this.model.classifier.logit(features);
			Evidence evidence = new Evidence(candidate, text, this.model.domains, topic);
			for (Signal signal : this.signals) {
				signal.inspect(evidence, findings);
			}
			for (Finding finding : findings) {
				offset += finding.weight();
			}
			this.model.learn(text, features, offset, spam);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/** The learned state as bytes, for {@link #restore(byte[])} or {@link #fromSnapshot(SpamSettings, byte[])}. */
	public byte[] snapshot() {
		this.lock.readLock().lock();
		try {
			return ModelSnapshot.write(this.model);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Replaces the learned state with a snapshot's (e.g. one another instance shared); the policy stays.
	 * @throws IllegalArgumentException if the bytes are not a snapshot of this format version
	 */
	public void restore(byte[] snapshot) {
		Model restored = ModelSnapshot.read(snapshot);
		this.lock.writeLock().lock();
		try {
			this.model = restored;
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
