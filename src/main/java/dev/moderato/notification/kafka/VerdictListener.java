package dev.moderato.notification.kafka;

import java.util.ArrayList;
import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.RecordTrace;
import dev.moderato.moderation.RecordTraces;
import dev.moderato.notification.VerdictNotifications;
import dev.moderato.system.ScrubbedError;
import dev.moderato.system.UnreadableRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} a poll at a time and turns the verdicts into the notifications they call for, in
 * one transaction per poll. A record that cannot be read fails alone ({@link BatchListenerFailedException} with its
 * index): the verdicts before it are recorded, it goes to the dead-letter topic, the ones after it come again. If the
 * poll's transaction fails, its verdicts are recorded one at a time, each in its own transaction, so the one that
 * fails is the one the error handler retries (the database away: until it is back) or dead-letters.
 */
@Component
class VerdictListener {

	private static final Logger log = LoggerFactory.getLogger(VerdictListener.class);

	private final JsonMapper json;

	private final VerdictNotifications notifications;

	private final RecordTraces traces;

	VerdictListener(JsonMapper json, VerdictNotifications notifications, RecordTraces traces) {
		this.json = json;
		this.notifications = notifications;
		this.traces = traces;
	}

	@KafkaListener(id = "notification-verdicts", groupId = "moderato-notification", topics = CommentModerated.TOPIC,
			batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		List<CommentModerated> verdicts = new ArrayList<>(records.size());
		try (RecordTraces.Poll traces = this.traces.of(records)) {
			for (int i = 0; i < records.size(); i++) {
				CommentModerated verdict;
				try {
					verdict = CommentModerated.read(this.json, records.get(i).value());
				}
				catch (UnreadableRecord ex) {
					notify(verdicts, traces);
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
				traces.add(verdict.eventId(), records.get(i));
				verdicts.add(verdict);
			}
			notify(verdicts, traces);
		}
	}

	private void notify(List<CommentModerated> verdicts, RecordTrace traces) {
		if (verdicts.isEmpty()) {
			return;
		}
		try {
			this.notifications.on(verdicts, traces);
		}
		catch (RuntimeException pollFailed) {
			if (verdicts.size() == 1) {
				throw new BatchListenerFailedException(pollFailed.getMessage(), pollFailed, 0);
			}
			log.atWarn()
				.addKeyValue("records", verdicts.size())
				.log("A poll of verdicts failed ({}): notifying them one at a time", ScrubbedError.of(pollFailed));
			for (int i = 0; i < verdicts.size(); i++) {
				try {
					this.notifications.on(List.of(verdicts.get(i)), traces);
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
		}
	}

}
