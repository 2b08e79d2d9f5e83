package dev.moderato.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * One Kafka admin client for health checks, backlog metrics and dead-letter replay, with short timeouts so that a
 * Kafka outage makes a check fail fast instead of hanging a probe.
 */
@Component
class KafkaBroker implements DisposableBean {

	private final Map<String, Object> config;

	private final Duration timeout;

	/** Created on first use: a command that never asks Kafka anything (an import) never connects to it. */
	private @Nullable Admin admin;

	KafkaBroker(KafkaAdmin kafkaAdmin, OperationsSettings settings) {
		this.timeout = settings.kafkaTimeout();
		Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
		int ms = (int) this.timeout.toMillis();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "moderato-operations");
		this.config = config;
	}

	synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.config);
		}
		return this.admin;
	}

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
