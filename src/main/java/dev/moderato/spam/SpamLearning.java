package dev.moderato.spam;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every instance's spam filter learning from the same decisions in the same order: decisions are logged once
 * in PostgreSQL, each instance applies the log as it grows, and the model is saved now and then so a new instance
 * starts from the saved model and the log after it, not from the default model.
 */
@Service
public class SpamLearning {

	private static final Logger log = LoggerFactory.getLogger(SpamLearning.class);

	private static final Duration SETTLE = Duration.ofMillis(500);

	private final SpamFilter filter;

	private final SpamMemory memory;

	private final MeterRegistry meters;

	private final int snapshotEvery;

	private volatile long applied;

	private volatile long saved;

	SpamLearning(SpamConfiguration.StartingModel start, SpamMemory memory, MeterRegistry meters,
			@Value("${moderato.spam.learning.snapshot-every:50}") int snapshotEvery) {
		this.filter = start.filter();
		this.applied = start.appliedSeq();
		this.saved = start.appliedSeq();
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

	/** Catches up with the decisions logged since the starting model was saved. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		applyNew();
	}

	/** Learns the decisions logged since the last call. @return how many */
	@Scheduled(fixedDelayString = "${moderato.spam.learning.interval:1s}", initialDelayString = "${moderato.spam.learning.interval:1s}")
	public synchronized int applyNew() {
		int learned = 0;
		List<SpamMemory.Logged> batch;
		do {
			batch = this.memory.after(this.applied, 200, SETTLE);
			for (SpamMemory.Logged logged : batch) {
				this.filter.learn(logged.feedback().candidate(), logged.feedback().spam());
				this.applied = logged.seq();
				learned++;
			}
		}
		while (batch.size() == 200);
		if (this.applied - this.saved >= this.snapshotEvery) {
			save();
		}
		return learned;
	}

	/** Saves the model with the log position it includes. */
	public synchronized void save() {
		this.memory.save(new SpamMemory.Snapshot(this.applied, this.filter.snapshot()));
		this.saved = this.applied;
		log.atInfo().addKeyValue("appliedSeq", this.applied).log("Spam model saved");
	}

	/** The position in the decision log this instance's model includes. */
	public long appliedSeq() {
		return this.applied;
	}

}
