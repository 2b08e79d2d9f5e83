package dev.moderato.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import kafka.server.BrokerServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A KRaft Kafka (one combined broker and controller) of a test's own, that the test may stop and start again: the
 * broker listens on a fixed port and keeps its log directory, so clients reconnect to the same address and find their
 * topics, records and committed offsets as they were. The controller stays up meanwhile, as a cluster's would while
 * one broker restarts.
 */
final class OwnKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	OwnKafka() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 1).kafkaPorts(freePort());
		this.broker.brokerListProperty("moderato.faults.kafka." + System.identityHashCode(this));
		this.broker.brokerProperties(Map.of("offsets.topic.num.partitions", "1", "group.initial.rebalance.delay.ms", "0",
				"transaction.state.log.num.partitions", "1", "auto.create.topics.enable", "false"));
		this.broker.afterPropertiesSet();
	}

	String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/** Stops the broker (a controlled shutdown, as on a rolling restart); clients lose their connections. */
	void stop() {
		this.broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
	}

	/** Starts the stopped broker again on the same port and log directory. */
	void start() {
		this.broker.getCluster().brokers().values().forEach(BrokerServer::startup);
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
