package dev.moderato.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.moderato.Api;
import dev.moderato.OwnDatabase;
import dev.moderato.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker restarts while comments flow in: a submission is either refused (503, nothing accepted) or
 * accepted (202 only after Kafka acknowledged it), and every accepted comment gets its verdict, exactly one.
 */
class BrokerRestartTests {

	@Test
	void everyAcceptedCommentGetsOneVerdictAcrossABrokerRestart() throws Exception {
		try (OwnKafka kafka = new OwnKafka();
				ConfigurableApplicationContext app = Instances.start(kafka.bootstrapServers(),
						OwnDatabase.create("broker_restart"), "moderato.operations.roles=intake,moderation")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Api api = new Api(port, app.getBean(JsonMapper.class));
			String postId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
			api.registerPost(postId, "Broker restart", "Bruno", "bruno-" + postId + "@blog.example");
			Submitter submitter = new Submitter(api, postId);
			Thread flow = new Thread(submitter, "comments-flowing");
			flow.start();
			try {
				await().atMost(Duration.ofSeconds(60)).until(() -> submitter.accepted.size() >= 3);
				kafka.stop();
				await().atMost(Duration.ofSeconds(60)).until(() -> submitter.refused.get() >= 1);
				kafka.start();
				int beforeRestart = submitter.accepted.size();
				await().atMost(Duration.ofSeconds(60)).until(() -> submitter.accepted.size() >= beforeRestart + 3);
			}
			finally {
				submitter.running.set(false);
				flow.join(30_000);
			}

			List<String> accepted = List.copyOf(submitter.accepted);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// a 503 answered while the broker died mid-request may still have been appended (Kafka cannot tell the
			// producer): every 202 is stored, and at most the refused ones besides
			int refused = submitter.refused.get();
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc
				.sql("select count(*) from comment where post_id = ?").param(postId).query(Integer.class).single())
				.as("every accepted comment moderated").isBetween(accepted.size(), accepted.size() + refused));
			Topics topics = new Topics(app.getBean(ConsumerFactory.class));
			JsonMapper json = app.getBean(JsonMapper.class);
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				Map<String, Set<String>> verdicts = topics.read("comments.moderated").stream()
					.map(ConsumerRecord::value)
					.map(json::readTree)
					.filter(v -> postId.equals(v.get("postId").asString()))
					.collect(Collectors.groupingBy(v -> v.get("commentId").asString(),
							Collectors.mapping(v -> v.get("eventId").asString(), Collectors.toSet())));
				assertThat(verdicts.keySet()).as("a verdict for every 202").containsAll(accepted)
					.as("and at most for the refused ones besides").hasSizeLessThanOrEqualTo(accepted.size() + refused);
				assertThat(verdicts.values()).as("one verdict per comment").allSatisfy(ids -> assertThat(ids).hasSize(1));
			});
		}
	}

	/** Submits comments one after another until told to stop, noting which were accepted and how many refused. */
	static final class Submitter implements Runnable {

		final AtomicBoolean running = new AtomicBoolean(true);

		final List<String> accepted = new CopyOnWriteArrayList<>();

		final AtomicInteger refused = new AtomicInteger();

		private final Api api;

		private final String postId;

		Submitter(Api api, String postId) {
			this.api = api;
			this.postId = postId;
		}

		@Override
		public void run() {
			for (int i = 0; this.running.get() && i < 500; i++) {
				ResponseEntity<String> response = this.api.submit(this.postId, Map.of("authorName", "Flo", "authorEmail",
						"flo-" + i + "-" + this.postId + "@mail.example", "text", "Comment " + i + " while the broker restarts."));
				if (response.getStatusCode().value() == 202) {
					this.accepted.add(this.api.json(response).get("id").asString());
				}
				else {
					assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(503);
					this.refused.incrementAndGet();
				}
			}
		}

	}

}
