package dev.moderato.notification.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Topics;
import dev.moderato.moderation.CommentModerated;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification listener reads a poll of verdicts at a time: a record it cannot read goes to the dead-letter topic
 * alone, and the verdicts around it in the same poll are notified.
 */
@IntegrationTest
class UnreadableVerdictTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaOperations<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnreadableVerdictIsDeadLetteredAloneAndTheOnesAroundItAreNotified() throws Exception {
		String postId = "poison-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(postId, "Poisoned poll", "Pia", "author-" + postId + "@blog.example");
		CommentModerated before = held(postId, "Held before the unreadable record");
		CommentModerated after = held(postId, "Held after the unreadable record");
		String marker = "not-a-verdict-" + postId;

		this.kafka.send(new ProducerRecord<>(CommentModerated.TOPIC, postId, this.json.writeValueAsBytes(before)));
		this.kafka.send(new ProducerRecord<>(CommentModerated.TOPIC, postId,
				("{\"unreadable\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8)));
		this.kafka.send(new ProducerRecord<>(CommentModerated.TOPIC, postId, this.json.writeValueAsBytes(after))).get();

		Topics topics = new Topics(this.consumers);
		// dead-lettered by each consumer group that reads comments.moderated: the notifications' and the webhooks'
		await().atMost(Duration.ofSeconds(60))
			.until(() -> topics.mentioning("comments.moderated.DLT", marker).size() == 2);
		await().atMost(Duration.ofSeconds(60)).until(() -> recorded(before) && recorded(after));
		assertThat(topics.mentioning("comments.moderated.DLT", before.eventId().toString())).isEmpty();
		assertThat(topics.mentioning("comments.moderated.DLT", after.eventId().toString())).isEmpty();
	}

	private boolean recorded(CommentModerated verdict) {
		return this.jdbc.sql("select count(*) from notification where dedup_key = ?")
			.param("author:" + verdict.eventId())
			.query(Integer.class)
			.single() == 1;
	}

	private static CommentModerated held(String postId, String text) {
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), postId, null, "held",
				"pending", 0.4, List.of("first comment from this commenter"), "engine", "engine", "Reader", null, text,
				Instant.now());
	}

}
