package dev.moderato.operations;

import java.time.Duration;
import java.util.Map;

import dev.moderato.Api;
import dev.moderato.DevServices;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance runs only the roles it is given: an intake-only instance takes submissions but joins no consumer group,
 * sends no mail, resubmits no outbox events and runs none of the other roles' scheduled jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "moderato.operations.roles=intake", "moderato.operations.metrics-refresh=1h" })
@Import(DevServices.class)
@ActiveProfiles("embedded")
@DirtiesContext
class RolesTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	ApplicationContext context;

	@Test
	void anIntakeOnlyInstanceTakesSubmissionsButRunsNoConsumerAndSendsNoMail() {
		Api api = new Api(this.port, this.json);
		api.registerPost("roles-intake", "Intake only", "Ida", "ida@blog.example");

		ResponseEntity<String> accepted = api.submit("roles-intake",
				Map.of("authorName", "Ivo", "authorEmail", "ivo@mail.example", "text", "Taken by the intake instance."));

		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
				!this.listeners.getListenerContainer("moderation-submissions").isRunning()
						&& !this.listeners.getListenerContainer("notification-verdicts").isRunning());
		assertThat(this.context.containsBean("mailDispatcher")).as("mail sender").isFalse();
		assertThat(this.context.containsBean("outboxResubmission")).as("outbox resubmission").isFalse();
	}

	@Test
	void anIntakeOnlyInstanceRunsNoneOfTheOtherRolesScheduledJobs() {
		for (String job : new String[] { "retention", "digestSchedule", "learningSchedule", "kafkaBacklogMetrics",
				"moderationQueueMetrics", "notificationQueueMetrics", "outboxMetrics", "webhookSender" }) {
			assertThat(this.context.containsBean(job)).as(job).isFalse();
		}
	}

}
