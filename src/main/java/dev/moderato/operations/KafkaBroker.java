package dev.moderato.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * One Kafka admin client for health checks, backlog metrics and dead-letter replay, with short timeouts so that a
 * Kafka outage makes a check fail fast instead of hanging a probe.
 */
@Component
class KafkaBroker implements DisposableBean {

	private final Admin admin;

	private final Duration timeout;

	KafkaBroker(KafkaAdmin kafkaAdmin, OperationsSettings settings) {
		this.timeout = settings.kafkaTimeout();
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		int ms = (int) this.timeout.toMillis();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "moderato-operations");
		this.admin = Admin.create(config);
	}

	Admin admin() {
		return this.admin;
	}

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
