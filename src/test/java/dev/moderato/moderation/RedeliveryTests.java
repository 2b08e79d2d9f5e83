package dev.moderato.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.privacy.CommenterPrivacy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
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
 * At-least-once delivery never doubles anything, and a record that cannot be read never blocks the ones behind it.
 */
@IntegrationTest
class RedeliveryTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaOperations<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	String postId;

	String authorEmail;

	@BeforeEach
	void registerPost() {
		this.postId = "redelivery-" + UUID.randomUUID().toString().substring(0, 8);
		this.authorEmail = "author-" + this.postId + "@blog.example";
		new Api(this.port, this.json).registerPost(this.postId, "Twice told", "Tia", this.authorEmail);
	}

	@Test
	void theSameSubmissionDeliveredTwiceYieldsOneCommentAndOneMail() throws Exception {
		CommentSubmitted submitted = submission("Said once, delivered twice.");
		byte[] value = this.json.writeValueAsBytes(submitted);

		send(CommentSubmitted.TOPIC, value);
		send(CommentSubmitted.TOPIC, value);

		Mailbox mailbox = new Mailbox(this.greenMail);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(this.authorEmail).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(this.authorEmail).size() == 1);
		assertThat(countRows(submitted.commentId())).isEqualTo(1);
		assertThat(new Topics(this.consumers).mentioning("comments.moderated", submitted.commentId().toString())).hasSize(1);
	}

	@Test
	void theSameVerdictDeliveredTwiceSendsOneMail() throws Exception {
		CommentSubmitted submitted = submission("One verdict, one mail.");
		send(CommentSubmitted.TOPIC, this.json.writeValueAsBytes(submitted));
		Topics topics = new Topics(this.consumers);
		String verdict = await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.moderated", submitted.commentId().toString()), r -> r.size() == 1)
			.get(0)
			.value();

		send("comments.moderated", verdict.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		Mailbox mailbox = new Mailbox(this.greenMail);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(this.authorEmail).size() == 1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.to(this.authorEmail).size() == 1);
		assertThat(topics.mentioning("comments.moderated", submitted.commentId().toString())).hasSize(2);
	}

	@Test
	void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillProcessed() throws Exception {
		String poison = "{\"poison\": \"" + UUID.randomUUID() + "\"";
		CommentSubmitted good = submission("Behind the poison.");
		byte[] invalid = this.json.writeValueAsBytes(submission("x")).clone();
		String invalidJson = new String(invalid, java.nio.charset.StandardCharsets.UTF_8).replace("\"version\":1", "\"version\":99");

		send(CommentSubmitted.TOPIC, poison.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		send(CommentSubmitted.TOPIC, invalidJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		send(CommentSubmitted.TOPIC, this.json.writeValueAsBytes(good));

		await().atMost(Duration.ofSeconds(20)).until(() -> this.comments.exists(new CommentId(good.commentId())));
		Topics topics = new Topics(this.consumers);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.submitted.DLT", poison.substring(12, 48)), r -> r.size() == 1);
		String invalidId = this.json.readTree(invalidJson).get("commentId").asString();
		assertThat(topics.mentioning("comments.submitted.DLT", invalidId)).hasSize(1);
		assertThat(countRows(UUID.fromString(invalidId))).isZero();
	}

	@Test
	void aRecordThatFailsInABatchGoesAloneToTheDeadLetterTopicAndTheOthersAreStored() throws Exception {
		List<CommentSubmitted> before = List.of(submission("First in the poll."), submission("Second in the poll."));
		CommentSubmitted good = submission("Fine.");
		// readable and valid, so it fails only while being moderated (with the others of its poll)
		CommentSubmitted unknownPost = Submissions.submitted(this.privacy, "no-such-post-" + UUID.randomUUID(), "Nobody",
				"nobody-" + UUID.randomUUID() + "@mail.example", "On a post nobody registered.");
		List<CommentSubmitted> after = List.of(submission("Behind the failure."), submission("Last in the poll."));
		List<byte[]> values = new java.util.ArrayList<>();
		for (CommentSubmitted s : before) {
			values.add(this.json.writeValueAsBytes(s));
		}
		values.add(this.json.writeValueAsBytes(unknownPost));
		for (CommentSubmitted s : after) {
			values.add(this.json.writeValueAsBytes(s));
		}
		values.forEach(v -> this.kafka.send(new ProducerRecord<>(CommentSubmitted.TOPIC, this.postId, v)));
		this.kafka.flush();
		send(CommentSubmitted.TOPIC, this.json.writeValueAsBytes(good));

		for (CommentSubmitted s : List.of(before.get(0), before.get(1), after.get(0), after.get(1), good)) {
			await().atMost(Duration.ofSeconds(20)).until(() -> this.comments.exists(new CommentId(s.commentId())));
		}
		Topics topics = new Topics(this.consumers);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.submitted.DLT", unknownPost.commentId().toString()), r -> r.size() == 1);
		for (CommentSubmitted s : List.of(before.get(0), before.get(1), after.get(0), after.get(1), good)) {
			assertThat(countRows(s.commentId())).isEqualTo(1);
			assertThat(topics.mentioning("comments.moderated", s.commentId().toString())).hasSize(1);
			assertThat(topics.mentioning("comments.submitted.DLT", s.commentId().toString())).isEmpty();
		}
		assertThat(countRows(unknownPost.commentId())).isZero();
	}

	private CommentSubmitted submission(String text) {
		return Submissions.submitted(this.privacy, this.postId, "Twice", "twice-" + UUID.randomUUID() + "@mail.example", text);
	}

	private void send(String topic, byte[] value) throws Exception {
		this.kafka.send(new ProducerRecord<>(topic, this.postId, value)).get();
	}

	private int countRows(UUID id) {
		return this.jdbc.sql("select count(*) from comment where id = ?").param(id).query(Integer.class).single();
	}

}
