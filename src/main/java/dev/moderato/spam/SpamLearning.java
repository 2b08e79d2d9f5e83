package dev.moderato.spam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every instance's spam filter learning from the same decisions in the same order: decisions are logged once
 * in PostgreSQL with their site, each instance applies the log as it grows, and each site's learned layer is saved now
 * and then with the log position it includes. The log is read by its position ({@link SpamMemory#after}), never by
 * age, so a slow commit or a skewed clock cannot hide a decision. Instances that score comments apply it as it grows
 * ({@code LearningSchedule}, on {@code moderation} instances).
 * <p>
 * Per site: a site's layer is loaded when the site is first judged (its saved layer and its decisions logged after
 * it, up to where this instance has read), only a bounded number stay in memory, and the log's decisions teach only
 * their own site's layer, if it is in memory (else it learns them when it is loaded). A new instance starts reading
 * the log at its end: it loads what came before site by site.
 */
@Service
public class SpamLearning {

	private static final Logger log = LoggerFactory.getLogger(SpamLearning.class);

	private static final int BATCH = 200;

	private final SpamFilter filter;

	private final SpamMemory memory;

	private final MeterRegistry meters;

	private final int snapshotEvery;

	/** Where this instance has read the log to: every site layer in memory includes the decisions up to here. */
	private volatile SpamMemory.Position applied;

	/** Per site in memory: decisions learned since its layer was last saved (guarded by this). */
	private final Map<String, Long> sinceSaved = new HashMap<>();

	SpamLearning(SpamConfiguration.StartingModel start, SpamMemory memory, MeterRegistry meters,
			@Value("${moderato.spam.learning.snapshot-every:50}") int snapshotEvery,
			@Value("${moderato.spam.learning.sites-in-memory:32}") int sitesInMemory) {
		this.filter = start.filter();
		this.applied = start.applied();
		this.memory = memory;
		this.meters = meters;
		this.snapshotEvery = snapshotEvery;
		if (sitesInMemory < 1) {
			throw new IllegalArgumentException("moderato.spam.learning.sites-in-memory must be at least 1");
		}
		this.filter.loadSitesWith((engine, site) -> load(site), sitesInMemory);
	}

	/** Logs a person's decision to be learned (once per event). */
	@Transactional
	public void record(Feedback feedback) {
		if (this.memory.record(feedback)) {
			this.meters.counter("moderato.spam.feedback", "label", feedback.spam() ? "spam" : "ham").increment();
		}
	}

	/** The decisions logged about these comments (for a commenter's data export). */
	@Transactional(readOnly = true)
	public List<Feedback> feedbackAbout(Collection<UUID> comments) {
		return this.memory.about(comments).stream().map(SpamMemory.Logged::feedback).toList();
	}

	/**
	 * Removes the commenter from logged decisions about these comments (GDPR erase): the name and url go, the text
	 * too if asked. What the model already learned stays.
	 * @return how many logged decisions changed
	 */
	@Transactional
	public int anonymise(Collection<UUID> comments, boolean removeText) {
		return this.memory.anonymise(comments, removeText);
	}

	/**
	 * Teaches a site its own history (e.g. an imported blog's approved and spam comments, oldest first) and says what
	 * it changed: the newest {@code holdOut} fraction is held back and judged by the site's layer as it is, then the
	 * rest is learned and the slice judged again. The rest is logged as that site's decisions (once per comment, so
	 * importing the same history again teaches nothing twice), so every instance learns it in the log's order; the
	 * held-back slice is not learned (pass 0 to learn everything, without figures). Other sites are untouched.
	 * @param holdOut the fraction held back, from 0 (inclusive) to 1 (exclusive)
	 */
	public HistoryReport learnFromHistory(String siteId, List<LabelledComment> history, double holdOut) {
		if (siteId == null || siteId.isBlank()) {
			throw new IllegalArgumentException("siteId must not be blank");
		}
		if (!(holdOut >= 0 && holdOut < 1)) {
			throw new IllegalArgumentException("holdOut must be at least 0 and less than 1");
		}
		int held = (int) Math.round(history.size() * holdOut);
		List<LabelledComment> rest = history.subList(0, history.size() - held);
		List<LabelledComment> slice = history.subList(history.size() - held, history.size());
		Model trial = this.filter.siteCopy(siteId); // a copy: the site itself learns through the log
		HistoryReport.Figures before = judge(trial, siteId, slice);
		for (LabelledComment comment : rest) {
			this.filter.learn(trial, comment.feedback(siteId).candidate(), comment.spam());
		}
		HistoryReport.Figures after = judge(trial, siteId, slice);
		int logged = 0;
		for (LabelledComment comment : rest) {
			if (this.memory.record(comment.feedback(siteId))) {
				logged++;
				this.meters.counter("moderato.spam.feedback", "label", comment.spam() ? "spam" : "ham").increment();
			}
		}
		log.atInfo()
			.addKeyValue("siteId", siteId)
			.addKeyValue("learned", rest.size())
			.addKeyValue("newlyLogged", logged)
			.addKeyValue("heldBack", held)
			.addKeyValue("mccBefore", before.mcc())
			.addKeyValue("mccAfter", after.mcc())
			.log("Spam engine learned a site's history");
		applyNew();
		return new HistoryReport(before, after, rest.size());
	}

	private HistoryReport.Figures judge(Model site, String siteId, List<LabelledComment> slice) {
		List<Boolean> spam = new ArrayList<>(slice.size());
		List<Verdict> verdicts = new ArrayList<>(slice.size());
		for (LabelledComment comment : slice) {
			spam.add(comment.spam());
			verdicts.add(this.filter.assess(site, comment.candidate(siteId)).verdict());
		}
		return HistoryReport.Figures.of(spam, verdicts);
	}

	/**
	 * A site's model on its first use: its saved layer (else the prior alone) and its decisions logged after it, up to
	 * where this instance has read the log. Never called while {@link #applyNew()} runs, so it misses none.
	 */
	private synchronized Model load(String siteId) {
		Model model = null;
		SpamMemory.Position from = SpamMemory.Position.START;
		Optional<SpamMemory.Snapshot> saved = this.memory.latest(siteId);
		if (saved.isPresent()) {
			try {
				model = this.filter.siteModelFrom(saved.get().bytes());
				from = saved.get().applied();
			}
			catch (IllegalArgumentException ex) {
				log.atWarn().addKeyValue("siteId", siteId).log("Saved spam layer unreadable, relearning the site's decisions");
			}
		}
		if (model == null) {
			model = this.filter.newSiteModel();
		}
		long replayed = 0;
		List<SpamMemory.Logged> batch;
		do {
			batch = this.memory.forSite(siteId, from, this.applied, BATCH);
			for (SpamMemory.Logged logged : batch) {
				if (!erased(logged.feedback())) { // its text is gone: nothing left to learn
					this.filter.learn(model, logged.feedback().candidate(), logged.feedback().spam());
					replayed++;
				}
				from = logged.position();
			}
		}
		while (batch.size() == BATCH);
		this.sinceSaved.put(siteId, replayed);
		log.atInfo()
			.addKeyValue("siteId", siteId)
			.addKeyValue("saved", saved.isPresent())
			.addKeyValue("replayed", replayed)
			.log("Spam layer of a site loaded");
		return model;
	}

	/** Learns the decisions logged since the last call, in log order, each by its own site's layer. @return how many */
	public synchronized int applyNew() {
		int learned = 0;
		List<SpamMemory.Logged> batch;
		do {
			batch = this.memory.after(this.applied, BATCH);
			for (SpamMemory.Logged logged : batch) {
				String site = logged.feedback().siteId();
				Model model = this.filter.resident(site);
				if (model != null && !erased(logged.feedback())) { // else the site learns it when it is loaded
					this.filter.learn(model, logged.feedback().candidate(), logged.feedback().spam());
					this.sinceSaved.merge(site, 1L, Long::sum);
				}
				this.applied = logged.position();
				learned++;
			}
		}
		while (batch.size() == BATCH);
		for (String site : List.copyOf(this.sinceSaved.keySet())) {
			if (this.filter.resident(site) == null) {
				this.sinceSaved.remove(site); // evicted: what it learned since it was saved is in the log after it
			}
			else if (this.sinceSaved.get(site) >= this.snapshotEvery) {
				save(site);
			}
		}
		return learned;
	}

	private static boolean erased(Feedback feedback) {
		return SpamMemory.ERASED_TEXT.equals(feedback.text());
	}

	/** Saves every site layer in memory with the log position it includes. */
	public synchronized void save() {
		for (String site : List.copyOf(this.sinceSaved.keySet())) {
			save(site);
		}
	}

	private void save(String siteId) {
		Model model = this.filter.resident(siteId);
		if (model == null) {
			this.sinceSaved.remove(siteId); // evicted: its decisions are in the log after its saved layer
			return;
		}
		this.memory.save(siteId, new SpamMemory.Snapshot(this.applied, this.filter.siteSnapshot(model)));
		this.sinceSaved.put(siteId, 0L);
		log.atInfo().addKeyValue("siteId", siteId).addKeyValue("appliedSeq", this.applied.seq()).log("Spam model saved");
	}

	SpamFilter filterForTests() {
		return this.filter;
	}

	/** The seq of the last decision this instance has read from the log. */
	public long appliedSeq() {
		return this.applied.seq();
	}

}
