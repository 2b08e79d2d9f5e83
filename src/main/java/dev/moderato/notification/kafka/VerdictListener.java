package dev.moderato.notification.kafka;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.notification.AuthorNotifications;
import dev.moderato.notification.ReplyNotifications;
import dev.moderato.system.UnreadableRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
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
		CommentModerated event = read(record);
		// each records at most once per event, so a redelivery after a failure in the second repeats nothing
		this.authors.on(event);
		this.replies.on(event);
	}

	private CommentModerated read(ConsumerRecord<String, byte[]> record) {
		try {
			CommentModerated event = record.value() == null ? null : this.json.readValue(record.value(), CommentModerated.class);
			if (event == null || event.version() != CommentModerated.VERSION || event.eventId() == null
					|| event.commentId() == null || event.postId() == null || event.status() == null) {
				throw new UnreadableRecord("Not a version " + CommentModerated.VERSION + " CommentModerated record");
			}
			return event;
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("Not a CommentModerated record: " + ex.getOriginalMessage());
		}
	}

}
