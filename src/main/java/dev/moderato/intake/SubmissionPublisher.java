package dev.moderato.intake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Writes a submission to Kafka and waits for the broker's acknowledgement (acks=all, idempotent producer), so that a
 * 2xx to the submitter means the comment is durably on the topic. A flood's excess goes to the flood lane
 * ({@link FloodLane}).
 */
@Component
class SubmissionPublisher {

	private final KafkaOperations<Object, Object> kafka;

	private final JsonMapper json;

	private final IntakeSettings settings;

	private final FloodLane lanes;

	SubmissionPublisher(KafkaOperations<Object, Object> kafka, JsonMapper json, IntakeSettings settings, FloodLane lanes) {
		this.kafka = kafka;
		this.lanes = lanes;
		this.json = json;
		this.settings = settings;
	}

	void publish(CommentSubmitted event) {
		byte[] value = this.json.writeValueAsBytes(event);
		FloodLane.Route route = this.lanes.routeOf(event);
		try {
			this.kafka.send(new ProducerRecord<>(route.topic(), route.key(), value))
				.get(this.settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntakeUnavailable("Interrupted while waiting for Kafka", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new IntakeUnavailable("Kafka did not acknowledge comment " + event.commentId(), ex);
		}
	}

}
