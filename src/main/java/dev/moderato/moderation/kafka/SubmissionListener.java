package dev.moderato.moderation.kafka;

import java.util.Set;

import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.SubmissionModeration;
import dev.moderato.system.UnreadableRecord;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.submitted}: a record that cannot be read or is invalid is unreadable and goes to the
 * dead-letter topic; a good one is moderated.
 */
@Component
class SubmissionListener {

	private final JsonMapper json;

	private final Validator validator;

	private final SubmissionModeration moderator;

	SubmissionListener(JsonMapper json, Validator validator, SubmissionModeration moderator) {
		this.json = json;
		this.validator = validator;
		this.moderator = moderator;
	}

	@KafkaListener(id = "moderation-submissions", groupId = "moderato-moderation", topics = CommentSubmitted.TOPIC,
			concurrency = "${moderato.moderation.concurrency:1}")
	void on(ConsumerRecord<String, byte[]> record) {
		this.moderator.moderate(read(record));
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
