package dev.moderato.moderation;

import java.time.Duration;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.privacy.CommenterPrivacy;
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
 * A reply accepted while its parent existed, whose parent is deleted before the reply is moderated, is stored and
 * published as a top-level comment: it never fails its foreign key, never reaches the dead-letter topic.
 */
@IntegrationTest
class ReplyToDeletedParentTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaOperations<Object, Object> kafka;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplyWhoseParentWasDeletedIsStoredTopLevel() throws Exception {
		String postId = "orphan-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(postId, "Orphans", "Otto", "otto-" + postId + "@blog.example");
		CommentSubmitted parent = Submissions.submitted(this.privacy, postId, "Pia", "pia-" + postId + "@mail.example",
				"The parent, soon deleted.");
		send(parent);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.comments.exists(new CommentId(parent.commentId())));
		CommentSubmitted accepted = Submissions.submitted(this.privacy, postId, "Rolf", "rolf-" + postId + "@mail.example",
				"A reply to a comment deleted before this was moderated.");
		CommentSubmitted reply = new CommentSubmitted(accepted.version(), accepted.commentId(), postId, parent.commentId(),
				accepted.authorName(), null, accepted.email(), accepted.emailHash(), accepted.ipPrefix(), null,
				accepted.text(), false, accepted.submittedAt(), false, null);

		assertThat(this.comments.delete(new CommentId(parent.commentId()))).isTrue();
		send(reply);

		await().atMost(Duration.ofSeconds(20)).until(() -> this.comments.exists(new CommentId(reply.commentId())));
		assertThat(this.jdbc.sql("select parent_id is null from comment where id = ?").param(reply.commentId())
			.query(Boolean.class).single()).as("stored without its parent").isTrue();
		Topics topics = new Topics(this.consumers);
		String verdict = await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.moderated", reply.commentId().toString()), r -> r.size() == 1)
			.get(0)
			.value();
		assertThat(this.json.readTree(verdict).get("parentId").isNull()).as("published top-level").isTrue();
		assertThat(topics.mentioning("comments.submitted.DLT", reply.commentId().toString())).isEmpty();
	}

	private void send(CommentSubmitted submitted) throws Exception {
		this.kafka.send(new ProducerRecord<>(CommentSubmitted.TOPIC, submitted.postId(), this.json.writeValueAsBytes(submitted)))
			.get();
	}

}
