package dev.moderato.intake;

import java.util.Map;

import dev.moderato.IntegrationTest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's producer batches concurrent submissions without giving up what a 2xx promises: acks=all, idempotent, and a
 * record given up for good before intake answers 503.
 */
@IntegrationTest
class ProducerBatchingTests {

	@Autowired
	ProducerFactory<?, ?> producers;

	@Autowired
	IntakeSettings intake;

	@Test
	void submissionsAreBatchedAndCompressedButStillAcknowledgedByAllReplicas() {
		Map<String, Object> config = this.producers.getConfigurationProperties();

		assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
		assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
		assertThat(String.valueOf(config.get(ProducerConfig.COMPRESSION_TYPE_CONFIG))).isEqualTo("gzip");
		long linger = millis(config, ProducerConfig.LINGER_MS_CONFIG);
		assertThat(linger).isPositive();
		assertThat(millis(config, ProducerConfig.BATCH_SIZE_CONFIG)).isGreaterThanOrEqualTo(16_384);
		long delivery = millis(config, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
		assertThat(delivery).as("given up before intake's 503").isLessThan(this.intake.sendTimeout().toMillis());
		assertThat(delivery).as("Kafka's own rule").isGreaterThanOrEqualTo(linger + millis(config, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
	}

	private static long millis(Map<String, Object> config, String key) {
		return Long.parseLong(String.valueOf(config.get(key)));
	}

}
