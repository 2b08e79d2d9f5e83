package dev.moderato.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the backlog from the broker on {@code moderation} instances (the same value on each of them):
 * {@code moderato.kafka.consumer.lag{group,topic}} (records not yet consumed by a consumer group) and
 * {@code moderato.deadletter.records{topic}} (records waiting in a dead-letter topic). A value is NaN while Kafka
 * cannot be read.
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class KafkaBacklogMetrics {

	private static final Logger log = LoggerFactory.getLogger(KafkaBacklogMetrics.class);

	private final KafkaBroker broker;

	private final KafkaListenerEndpointRegistry listeners;

	private final DeadLetters deadLetters;

	private final MeterRegistry meters;

	private final Map<List<String>, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

	KafkaBacklogMetrics(KafkaBroker broker, KafkaListenerEndpointRegistry listeners, DeadLetters deadLetters,
			MeterRegistry meters) {
		this.broker = broker;
		this.listeners = listeners;
		this.deadLetters = deadLetters;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${moderato.operations.metrics-refresh:15s}")
	void refresh() {
		Map<String, List<String>> groups = consumerGroups();
		try {
			for (Map.Entry<String, List<String>> group : groups.entrySet()) {
				for (String topic : group.getValue()) {
					gauge("moderato.kafka.consumer.lag", "Records on the topic not yet consumed by the group", "group",
							group.getKey(), "topic", topic).set((double) lag(group.getKey(), topic));
				}
			}
			for (Map.Entry<String, Long> topic : this.deadLetters.sizes().entrySet()) {
				gauge("moderato.deadletter.records", "Records waiting in a dead-letter topic", "topic", topic.getKey())
					.set((double) topic.getValue());
			}
		}
		catch (Exception ex) {
			this.gauges.values().forEach(value -> value.set(Double.NaN));
			log.atWarn().log("Kafka backlog metrics unavailable: {}", ex.toString());
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private long lag(String group, String topic) throws Exception {
		long ms = this.broker.timeout().toMillis();
		TopicDescription description = this.broker.admin().describeTopics(List.of(topic)).allTopicNames()
			.get(ms, TimeUnit.MILLISECONDS).get(topic);
		List<TopicPartition> partitions = description.partitions().stream()
			.map(p -> new TopicPartition(topic, p.partition())).toList();
		Map<TopicPartition, OffsetAndMetadata> committed = this.broker.admin().listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
		Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
		Map<TopicPartition, ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest());
		long lag = 0;
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata position = committed.get(partition);
			long from = position != null ? position.offset() : earliest.get(partition).offset();
			lag += Math.max(0, latest.get(partition).offset() - from);
		}
		return lag;
	}

	private Map<TopicPartition, ListOffsetsResultInfo> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
			throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach(p -> request.put(p, spec));
		return this.broker.admin().listOffsets(request).all().get(this.broker.timeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Every consumer group of this service and its topics, whether or not this instance runs it. */
	private Map<String, List<String>> consumerGroups() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (MessageListenerContainer container : this.listeners.getListenerContainers()) {
			String[] topics = container.getContainerProperties().getTopics();
			if (container.getGroupId() != null && topics != null) {
				groups.computeIfAbsent(container.getGroupId(), g -> new ArrayList<>()).addAll(List.of(topics));
			}
		}
		return groups;
	}

	private AtomicReference<Double> gauge(String name, String description, String... tags) {
		return this.gauges.computeIfAbsent(List.of(name, String.join(",", tags)), key -> {
			AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
			Gauge.builder(name, value, AtomicReference::get).description(description).tags(tags).register(this.meters);
			return value;
		});
	}

}
