package dev.moderato.webhooks.kafka;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.webhooks.WebhookEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} in a consumer group of its own, so webhooks neither wait for nor hold up the
 * notifications; runs with the {@code notification} role (its id starts with it), as the sending does.
 */
@Component
class ModeratedListener {

	private final JsonMapper json;

	private final WebhookEvents events;

	ModeratedListener(JsonMapper json, WebhookEvents events) {
		this.json = json;
		this.events = events;
	}

	@KafkaListener(id = "notification-webhooks", groupId = "moderato-webhooks", topics = CommentModerated.TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		this.events.on(CommentModerated.read(this.json, record.value()));
	}

}
