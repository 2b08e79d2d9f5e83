package dev.moderato.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probes Kubernetes and Compose use, the backlog gauges operators alert on, and the listeners' timers.
 */
@IntegrationTest
class HealthAndMetricsTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void readinessCoversKafkaAndPostgresAndLivenessCoversOnlyTheProcess() {
		RestClient admin = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeaders(h -> h.setBasicAuth("admin", "admin-dev-password")).build();

		JsonNode readiness = this.json.readTree(admin.get().uri("/actuator/health/readiness").retrieve().body(String.class));
		JsonNode liveness = this.json.readTree(admin.get().uri("/actuator/health/liveness").retrieve().body(String.class));

		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db", "kafka");
		assertThat(readiness.get("components").get("kafka").get("details").get("nodes").asInt()).isPositive();
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void everyListenerIsTimedUnderOneSetOfTagsBatchOrNot() {
		Api api = new Api(this.port, this.json);
		String post = "timed-" + UUID.randomUUID().toString().substring(0, 8);
		api.registerPost(post, "Timers", "Tim", "tim@blog.example");
		api.submit(post, Map.of("authorName", "Tia", "authorEmail", "tia@mail.example", "text", "Timed, I hope."));
		RestClient prometheus = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeaders(h -> h.setBasicAuth("admin", "admin-dev-password")).build();

		// the verdict path's batch listener and spam learning's record listener both see the comment's records
		String scrape = await().atMost(Duration.ofSeconds(30))
			.until(() -> prometheus.get().uri("/actuator/prometheus").retrieve().body(String.class),
					s -> s.contains("name=\"moderation-submissions-0\"") && s.contains("name=\"moderation-spam-learning-0\""));

		List<String> timers = scrape.lines().filter(line -> line.startsWith("spring_kafka_listener_seconds_count{")).toList();
		assertThat(timers).anyMatch(line -> line.contains("name=\"moderation-submissions-0\""))
			.anyMatch(line -> line.contains("name=\"moderation-spam-learning-0\""))
			.allMatch(line -> line.contains("result=") && !line.contains("messaging_"));
	}

	@Test
	void backlogGaugesReportEachConsumerGroupAndDeadLetterTopic() {
		RestClient prometheus = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeaders(h -> h.setBasicAuth("admin", "admin-dev-password")).build();

		String scrape = await().atMost(Duration.ofSeconds(30))
			.until(() -> prometheus.get().uri("/actuator/prometheus").retrieve().body(String.class),
					s -> s.contains("moderato_kafka_consumer_lag{") && s.contains("moderato_deadletter_records{"));

		assertThat(scrape).contains("group=\"moderato-moderation\"", "group=\"moderato-notification\"",
				"topic=\"comments.submitted.DLT\"", "topic=\"comments.moderated.DLT\"",
				"moderato_notification_queue_age_seconds", "moderato_outbox_age_seconds");
	}

}
