package dev.moderato.intake;

import java.time.Duration;
import java.util.Map;

import dev.moderato.Api;
import dev.moderato.DevServices;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * With Kafka unreachable, a submission is refused with 503 and a Retry-After: never a hang, never a 2xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.listener.auto-startup=false",
				"spring.kafka.admin.auto-create=false", "spring.modulith.events.republish-outstanding-events-on-restart=false",
				"moderato.system.outbox-resubmission=false" })
@Import(DevServices.class)
@ActiveProfiles("embedded")
@DirtiesContext
class KafkaDownTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void refusesASubmissionWith503AndRetryAfterWhenKafkaIsDown() {
		Api api = new Api(this.port, this.json);
		api.registerPost("kafka-down", "Offline", "Olga", "olga@blog.example");

		// a hang guard, not a speed target: intake gives up after max.block.ms (3 s)
		ResponseEntity<String> response = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> api.submit("kafka-down", Map.of("authorName", "Kai", "authorEmail", "kai@mail.example", "text", "Hello?")));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(api.json(response).get("title").asString()).isEqualTo("Comment intake unavailable");
	}

}
