package dev.moderato.moderation.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.RecordTrace;
import dev.moderato.moderation.RecordTraces;
import dev.moderato.moderation.SubmissionModeration;
import dev.moderato.system.ScrubbedError;
import dev.moderato.system.UnreadableRecord;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.submitted} a poll at a time: the good records of a poll are moderated together (one facts
 * statement, one JDBC batch, one transaction), then their verdicts announced on {@code comments.moderated}; the
 * poll's offsets are committed after both, so a verdict is never lost between the database and Kafka. A record that cannot be read or is invalid is unreadable: the records
 * before it are moderated, then it alone fails ({@link BatchListenerFailedException} with its index), so the error
 * handler sends it to the dead-letter topic and the records after it come again with the next poll. If the batch
 * fails, its records are moderated one at a time, each in its own transaction, so the one that fails is the one the
 * error handler retries (the database being away: until it is back) or dead-letters, and those before it are kept.
 */
@Component
class SubmissionListener {

	private static final Logger log = LoggerFactory.getLogger(SubmissionListener.class);

	private final JsonMapper json;

	private final Validator validator;

	private final SubmissionModeration moderator;

	private final RecordTraces traces;

	private final VerdictAnnouncements announcements;

	SubmissionListener(JsonMapper json, Validator validator, SubmissionModeration moderator, RecordTraces traces,
			VerdictAnnouncements announcements) {
		this.announcements = announcements;
		this.json = json;
		this.validator = validator;
		this.moderator = moderator;
		this.traces = traces;
	}

	@KafkaListener(id = "moderation-submissions", groupId = "moderato-moderation", topics = CommentSubmitted.TOPIC,
			concurrency = "${moderato.moderation.concurrency:1}", batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		moderatePoll(records);
	}

	/**
	 * The flood lane: the same work in a container of its own (own consumers, own group), so the ordinary topic's
	 * records never wait behind a flood's backlog.
	 */
	@KafkaListener(id = "moderation-submissions-flood", groupId = "moderato-moderation-flood",
			topics = CommentSubmitted.FLOOD_TOPIC, concurrency = "${moderato.moderation.concurrency:1}", batch = "true")
	void onFlood(List<ConsumerRecord<String, byte[]>> records) {
		moderatePoll(records);
	}

	private void moderatePoll(List<ConsumerRecord<String, byte[]>> records) {
		List<CommentSubmitted> good = new ArrayList<>(records.size());
		try (RecordTraces.Poll traces = this.traces.of(records)) {
			for (int i = 0; i < records.size(); i++) {
				try {
					CommentSubmitted submitted = read(records.get(i));
					traces.add(submitted.commentId(), records.get(i));
					good.add(submitted);
				}
				catch (UnreadableRecord ex) {
					moderate(good, traces);
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
			moderate(good, traces);
		}
	}

	/** The records before {@code batch.size()} of the poll, all readable: judged, stored, then announced. */
	private void moderate(List<CommentSubmitted> batch, RecordTrace traces) {
		List<SubmissionModeration.Announcement> verdicts;
		try {
			verdicts = this.moderator.moderateAll(batch, traces);
		}
		catch (RuntimeException batchFailed) {
			if (batch.size() == 1) {
				throw new BatchListenerFailedException(batchFailed.getMessage(), batchFailed, 0);
			}
			log.atWarn()
				.addKeyValue("records", batch.size())
				.log("A batch of submissions failed ({}): moderating them one at a time", ScrubbedError.of(batchFailed));
			for (int i = 0; i < batch.size(); i++) {
				try {
					announce(this.moderator.moderate(batch.get(i), traces), traces);
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
			return;
		}
		try {
			announce(verdicts, traces);
		}
		catch (VerdictAnnouncements.NotAnnounced ex) {
			// stored, not announced: from this record on, the poll comes again and its stored verdicts go out again
			log.atWarn()
				.addKeyValue("records", batch.size())
				.log("Verdicts stored but not announced ({}): the poll comes again from record {}", ScrubbedError.of(ex.getCause()),
						ex.index());
			throw new BatchListenerFailedException(ex.getMessage(), ex, ex.index());
		}
	}

	/** Sends the verdicts, then notes that they were sent (one statement): a redelivery then sends nothing again. */
	private void announce(List<SubmissionModeration.Announcement> verdicts, RecordTrace traces) {
		this.announcements.announce(verdicts, traces);
		this.moderator.announced(verdicts);
	}

	private CommentSubmitted read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new UnreadableRecord("Empty record at " + record.topic() + "-" + record.partition() + "@" + record.offset());
		}
		CommentSubmitted submitted;
		try {
			submitted = this.json.readValue(record.value(), CommentSubmitted.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("Not a CommentSubmitted record: " + ex.getOriginalMessage());
		}
		Set<ConstraintViolation<CommentSubmitted>> violations = this.validator.validate(submitted);
		if (!violations.isEmpty()) {
			throw new UnreadableRecord("Invalid CommentSubmitted " + submitted.commentId() + ": "
					+ violations.stream().map(v -> v.getPropertyPath().toString()).sorted().toList());
		}
		return submitted;
	}

}
