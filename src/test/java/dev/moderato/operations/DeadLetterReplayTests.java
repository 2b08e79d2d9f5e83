package dev.moderato.operations;

import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin reprocesses a dead-letter record once its cause is fixed, through {@code /actuator/deadletters}.
 */
@IntegrationTest
class DeadLetterReplayTests {

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

	@Test
	void aSubmissionForAPostRegisteredLaterIsModeratedOnceItsDeadLetterIsReplayed() throws Exception {
		String postId = "late-" + UUID.randomUUID().toString().substring(0, 8);
		CommentSubmitted early = submission(postId);
		this.kafka.send(new ProducerRecord<>(CommentSubmitted.TOPIC, postId, this.json.writeValueAsBytes(early))).get();
		Topics topics = new Topics(this.consumers);
		var dead = await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.submitted.DLT", early.commentId().toString()), r -> r.size() == 1)
			.get(0);
		JsonNode listed = admin().get().uri("/actuator/deadletters/comments.submitted.DLT?limit=500").retrieve()
			.body(JsonNode.class);
		assertThat(listed.valueStream().anyMatch(r -> r.get("offset").asLong() == dead.offset()
				&& "comments.submitted".equals(r.get("originalTopic").asString()))).isTrue();
		assertThat(listed.toString()).as("no record value is shown").doesNotContain(early.emailHash());

		new Api(this.port, this.json).registerPost(postId, "Registered late", "Lou", "lou@blog.example");
		ResponseEntity<String> replayed = admin().post().uri("/actuator/deadletters/comments.submitted.DLT")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"partition\": " + dead.partition() + ", \"offset\": " + dead.offset() + "}")
			.retrieve().toEntity(String.class);

		assertThat(replayed.getStatusCode().value()).isEqualTo(200);
		assertThat(this.json.readTree(replayed.getBody()).get("topic").asString()).isEqualTo("comments.submitted");
		await().atMost(Duration.ofSeconds(20)).until(() -> this.comments.exists(new CommentId(early.commentId())));
	}

	@Test
	void replayAnswers404ForAMissingRecordAnd400ForATopicThatIsNoDeadLetterTopic() {
		ResponseEntity<String> missing = admin().post().uri("/actuator/deadletters/comments.moderated.DLT")
			.contentType(MediaType.APPLICATION_JSON).body("{\"partition\": 0, \"offset\": 999999}")
			.retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);
		ResponseEntity<String> notDead = admin().post().uri("/actuator/deadletters/comments.submitted")
			.contentType(MediaType.APPLICATION_JSON).body("{\"partition\": 0, \"offset\": 0}")
			.retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);
		ResponseEntity<String> anonymous = RestClient.create("http://localhost:" + this.port).get()
			.uri("/actuator/deadletters").retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);

		assertThat(missing.getStatusCode().value()).isEqualTo(404);
		assertThat(notDead.getStatusCode().value()).isEqualTo(400);
		assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
	}

	private RestClient admin() {
		return RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeaders(h -> h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)).build();
	}

	private CommentSubmitted submission(String postId) {
		String email = "late-" + UUID.randomUUID() + "@mail.example";
		return Submissions.submitted(this.privacy, postId, "Early", email, "Written before the post was registered.");
	}

}
