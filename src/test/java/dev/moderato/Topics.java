package dev.moderato;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads whole topics from the real broker, from the beginning to the current end, without joining any group.
 */
public final class Topics {

	private final ConsumerFactory<?, ?> consumers;

	public Topics(ConsumerFactory<?, ?> consumers) {
		this.consumers = consumers;
	}

	/** Every record now on the topic, values as UTF-8 text. */
	public List<ConsumerRecord<String, String>> read(String topic) {
		try (Consumer<?, ?> consumer = this.consumers.createConsumer("topics-reader-" + UUID.randomUUID(), null)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end");
				}
				consumer.poll(Duration.ofMillis(200)).forEach(r -> records.add(new ConsumerRecord<>(r.topic(), r.partition(),
						r.offset(), (String) r.key(), r.value() == null ? null : new String((byte[]) r.value(), StandardCharsets.UTF_8))));
			}
			return records;
		}
	}

	/** How many records the topic holds now (sum of end offsets). */
	public long size(String topic) {
		try (Consumer<?, ?> consumer = this.consumers.createConsumer("topics-reader-" + UUID.randomUUID(), null)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** The records whose value mentions the given text (an id, say). */
	public List<ConsumerRecord<String, String>> mentioning(String topic, String text) {
		return read(topic).stream().filter(r -> r.value() != null && r.value().contains(text)).toList();
	}

}
