package dev.moderato.webhooks.kafka;

import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.VerdictPolls;
import dev.moderato.webhooks.WebhookEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} in a consumer group of its own, so webhooks neither wait for nor hold up the
 * notifications; runs with the {@code notification} role (its id starts with it), as the sending does. A poll's events
 * are recorded in one transaction ({@link VerdictPolls}: an unreadable record alone to the dead-letter topic, one at a
 * time if the poll fails).
 */
@Component
class ModeratedListener {

	private final VerdictPolls polls;

	private final WebhookEvents events;

	ModeratedListener(VerdictPolls polls, WebhookEvents events) {
		this.polls = polls;
		this.events = events;
	}

	@KafkaListener(id = "notification-webhooks", groupId = "moderato-webhooks", topics = CommentModerated.TOPIC,
			batch = "true", properties = { VerdictPolls.FETCH_MIN_BYTES, VerdictPolls.FETCH_MAX_WAIT })
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.polls.take(records, "recording their webhook events", this.events::onAll);
	}

}
