package dev.moderato.operations;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code kafka} in {@code /actuator/health} and the readiness group: up when the cluster answers within
 * {@code moderato.operations.kafka-timeout}.
 */
@Component
class KafkaHealthIndicator extends AbstractHealthIndicator {

	private final KafkaBroker broker;

	KafkaHealthIndicator(KafkaBroker broker) {
		super("Kafka health check failed");
		this.broker = broker;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long ms = this.broker.timeout().toMillis();
		DescribeClusterResult cluster = this.broker.admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) ms));
		String clusterId = cluster.clusterId().get(ms, TimeUnit.MILLISECONDS);
		int nodes = cluster.nodes().get(ms, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
	}

}
