package dev.moderato.spam;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every instance's spam filter learning from the same decisions in the same order: decisions are logged once
 * in PostgreSQL, each instance applies the log as it grows, and the model is saved now and then so a new instance
 * starts from the saved model and the log after it, not from the default model. The log is read by its position
 * ({@link SpamMemory#after}), never by age, so a slow commit or a skewed clock cannot hide a decision. Instances that
 * score comments apply it as it grows ({@code LearningSchedule}, on {@code moderation} instances).
 */
@Service
public class SpamLearning {

	private static final Logger log = LoggerFactory.getLogger(SpamLearning.class);

	private final SpamFilter filter;

	private final SpamMemory memory;

	private final MeterRegistry meters;

	private final int snapshotEvery;

	private volatile SpamMemory.Position applied;

	private volatile long sinceSaved;

	SpamLearning(SpamConfiguration.StartingModel start, SpamMemory memory, MeterRegistry meters,
			@Value("${moderato.spam.learning.snapshot-every:50}") int snapshotEvery) {
		this.filter = start.filter();
		this.applied = start.applied();
		this.memory = memory;
		this.meters = meters;
		this.snapshotEvery = snapshotEvery;
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

	/** Learns the decisions logged since the last call, in log order. @return how many */
	public synchronized int applyNew() {
		int learned = 0;
		List<SpamMemory.Logged> batch;
		do {
			batch = this.memory.after(this.applied, 200);
			for (SpamMemory.Logged logged : batch) {
				this.filter.learn(logged.feedback().candidate(), logged.feedback().spam());
				this.applied = logged.position();
				learned++;
			}
		}
		while (batch.size() == 200);
		this.sinceSaved += learned;
		if (this.sinceSaved >= this.snapshotEvery) {
			save();
		}
		return learned;
	}

	/** Saves the model with the log position it includes. */
	public synchronized void save() {
		this.memory.save(new SpamMemory.Snapshot(this.applied, this.filter.snapshot()));
		this.sinceSaved = 0;
		log.atInfo().addKeyValue("appliedSeq", this.applied.seq()).log("Spam model saved");
	}

	/** The seq of the last decision this instance's model includes. */
	public long appliedSeq() {
		return this.applied.seq();
	}

}
