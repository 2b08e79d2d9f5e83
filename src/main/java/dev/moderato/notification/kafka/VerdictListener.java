package dev.moderato.notification.kafka;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.notification.AuthorNotifications;
import dev.moderato.notification.ReplyNotifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} and turns each verdict into the notifications it calls for.
 */
@Component
class VerdictListener {

	private final JsonMapper json;

	private final AuthorNotifications authors;

	private final ReplyNotifications replies;

	VerdictListener(JsonMapper json, AuthorNotifications authors, ReplyNotifications replies) {
		this.json = json;
		this.authors = authors;
		this.replies = replies;
	}

	@KafkaListener(id = "notification-verdicts", groupId = "moderato-notification", topics = CommentModerated.TOPIC)
	void on(ConsumerRecord<String, byte[]> record) {
		CommentModerated event = CommentModerated.read(this.json, record.value());
		// each records at most once per event, so a redelivery after a failure in the second repeats nothing
		this.authors.on(event);
		this.replies.on(event);
	}

}
