package dev.moderato.notification.kafka;

import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.VerdictPolls;
import dev.moderato.notification.VerdictNotifications;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code comments.moderated} a poll at a time and turns the verdicts into the notifications they call for, in
 * one transaction per poll ({@link VerdictPolls}: an unreadable record alone to the dead-letter topic, one at a time
 * if the poll fails).
 */
@Component
class VerdictListener {

	private final VerdictPolls polls;

	private final VerdictNotifications notifications;

	VerdictListener(VerdictPolls polls, VerdictNotifications notifications) {
		this.polls = polls;
		this.notifications = notifications;
	}

	@KafkaListener(id = "notification-verdicts", groupId = "moderato-notification", topics = CommentModerated.TOPIC,
			batch = "true", properties = { VerdictPolls.FETCH_MIN_BYTES, VerdictPolls.FETCH_MAX_WAIT })
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.polls.take(records, "notifying them", this.notifications::on);
	}

}
