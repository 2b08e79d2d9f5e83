package dev.moderato.webhooks.kafka;

import java.util.ArrayList;
import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.RecordTrace;
import dev.moderato.moderation.RecordTraces;
import dev.moderato.system.ScrubbedError;
import dev.moderato.system.UnreadableRecord;
import dev.moderato.webhooks.WebhookEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} in a consumer group of its own, so webhooks neither wait for nor hold up the
 * notifications; runs with the {@code notification} role (its id starts with it), as the sending does. A poll's events
 * are recorded in one transaction. A record that cannot be read fails alone ({@link BatchListenerFailedException}
 * with its index): the events before it are recorded, it goes to the dead-letter topic, the ones after it come again.
 * If the poll's transaction fails, its events are recorded one at a time, so the one that fails is the one the error
 * handler retries or dead-letters.
 */
@Component
class ModeratedListener {

	private static final Logger log = LoggerFactory.getLogger(ModeratedListener.class);

	private final JsonMapper json;

	private final WebhookEvents events;

	private final RecordTraces traces;

	ModeratedListener(JsonMapper json, WebhookEvents events, RecordTraces traces) {
		this.json = json;
		this.events = events;
		this.traces = traces;
	}

	@KafkaListener(id = "notification-webhooks", groupId = "moderato-webhooks", topics = CommentModerated.TOPIC,
			batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		List<CommentModerated> events = new ArrayList<>(records.size());
		try (RecordTraces.Poll traces = this.traces.of(records)) {
			for (int i = 0; i < records.size(); i++) {
				CommentModerated event;
				try {
					event = CommentModerated.read(this.json, records.get(i).value());
				}
				catch (UnreadableRecord ex) {
					record(events, traces);
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
				traces.add(event.eventId(), records.get(i));
				events.add(event);
			}
			record(events, traces);
		}
	}

	private void record(List<CommentModerated> events, RecordTrace traces) {
		if (events.isEmpty()) {
			return;
		}
		try {
			this.events.onAll(events, traces);
		}
		catch (RuntimeException pollFailed) {
			if (events.size() == 1) {
				throw new BatchListenerFailedException(pollFailed.getMessage(), pollFailed, 0);
			}
			log.atWarn()
				.addKeyValue("records", events.size())
				.log("A poll of webhook events failed ({}): recording them one at a time", ScrubbedError.of(pollFailed));
			for (int i = 0; i < events.size(); i++) {
				try {
					this.events.onAll(List.of(events.get(i)), traces);
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
		}
	}

}
