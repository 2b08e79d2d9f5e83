package dev.moderato.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * The dead-letter topics ({@code <topic>.DLT}, declared as {@link NewTopic} beans): how many records wait in each, what
 * they are, and replay of one record to the topic it came from once the cause is fixed. A replayed record is consumed
 * like any other; consumers are idempotent, so replaying twice is harmless.
 */
@Component
public class DeadLetters {

	static final String SUFFIX = ".DLT";

	static final String REPLAYED_FROM = "moderato_replayed_from";

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final Set<String> topics;

	private final KafkaBroker broker;

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaOperations<Object, Object> kafka;

	private final MeterRegistry meters;

	DeadLetters(ObjectProvider<NewTopic> declared, KafkaBroker broker, ConsumerFactory<?, ?> consumers,
			KafkaOperations<Object, Object> kafka, MeterRegistry meters) {
		this.topics = new TreeSet<>(declared.stream().map(NewTopic::name).filter(name -> name.endsWith(SUFFIX)).toList());
		this.broker = broker;
		this.consumers = consumers;
		this.kafka = kafka;
		this.meters = meters;
	}

	/** A record in a dead-letter topic, without its value (which may be anything). */
	public record DeadLetter(int partition, long offset, @Nullable String key, Instant timestamp,
			@Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
			@Nullable String exception, @Nullable String message, int valueSize) {
	}

	/** Where a replayed record was written. */
	public record Replayed(String topic, int partition, long offset) {
	}

	public Set<String> topics() {
		return this.topics;
	}

	/** Records waiting in each dead-letter topic. */
	public Map<String, Long> sizes() throws Exception {
		Map<String, Long> sizes = new TreeMap<>();
		for (String topic : this.topics) {
			List<TopicPartition> partitions = partitions(topic);
			Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
			Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
			sizes.put(topic, partitions.stream().mapToLong(p -> latest.get(p) - earliest.get(p)).sum());
		}
		return sizes;
	}

	/** The newest records of a dead-letter topic, newest first. */
	public List<DeadLetter> newest(String topic, int limit) throws Exception {
		check(topic);
		List<TopicPartition> partitions = partitions(topic);
		Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
		Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
		List<DeadLetter> found = new ArrayList<>();
		try (Consumer<?, ?> consumer = reader()) {
			consumer.assign(partitions);
			partitions.forEach(p -> consumer.seek(p, Math.max(earliest.get(p), latest.get(p) - limit)));
			long deadline = System.nanoTime() + this.broker.timeout().multipliedBy(3).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < latest.get(p)) && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> found.add(view(record)));
			}
		}
		return found.stream()
			.sorted(Comparator.comparing(DeadLetter::timestamp).thenComparing(DeadLetter::offset).reversed())
			.limit(limit)
			.toList();
	}

	/**
	 * Sends one dead-letter record again to the topic it came from, with its key and value, and waits for Kafka's
	 * acknowledgement.
	 * @return where it was written, or empty if the topic has no such partition or holds no record at that offset
	 */
	public Optional<Replayed> replay(String topic, int partition, long offset) throws Exception {
		check(topic);
		// asking for the offsets of a partition that does not exist would wait out the admin timeout
		if (partition < 0 || offset < 0 || !partitions(topic).contains(new TopicPartition(topic, partition))) {
			return Optional.empty();
		}
		ConsumerRecord<?, ?> record = read(new TopicPartition(topic, partition), offset);
		if (record == null) {
			return Optional.empty();
		}
		String target = topic.substring(0, topic.length() - SUFFIX.length());
		RecordHeaders headers = new RecordHeaders();
		headers.add(REPLAYED_FROM, (topic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8));
		RecordMetadata sent = this.kafka
			.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers))
			.get(this.broker.timeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS)
			.getRecordMetadata();
		this.meters.counter("moderato.deadletter.replays", "topic", topic).increment();
		log.atInfo()
			.addKeyValue("topic", topic)
			.addKeyValue("partition", partition)
			.addKeyValue("offset", offset)
			.log("Dead letter replayed to {}-{}@{}", target, sent.partition(), sent.offset());
		return Optional.of(new Replayed(target, sent.partition(), sent.offset()));
	}

	private @Nullable ConsumerRecord<?, ?> read(TopicPartition partition, long offset) throws Exception {
		Map<TopicPartition, Long> earliest = offsets(List.of(partition), OffsetSpec.earliest());
		Map<TopicPartition, Long> latest = offsets(List.of(partition), OffsetSpec.latest());
		if (offset < earliest.get(partition) || offset >= latest.get(partition)) {
			return null;
		}
		try (Consumer<?, ?> consumer = reader()) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, offset);
			long deadline = System.nanoTime() + this.broker.timeout().multipliedBy(3).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return record;
					}
					if (record.offset() > offset) {
						return null; // compacted or a transaction marker
					}
				}
			}
		}
		throw new IllegalStateException("Could not read " + partition + "@" + offset + " in time");
	}

	private void check(String topic) {
		if (!this.topics.contains(topic)) {
			throw new IllegalArgumentException("Not a dead-letter topic of this service: " + topic + "; one of " + this.topics);
		}
	}

	private Consumer<?, ?> reader() {
		Map<String, Object> overrides = new HashMap<>();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
		java.util.Properties properties = new java.util.Properties();
		properties.putAll(overrides);
		return this.consumers.createConsumer(null, "moderato-deadletters", null, properties);
	}

	private List<TopicPartition> partitions(String topic) throws Exception {
		return this.broker.admin().describeTopics(List.of(topic)).allTopicNames()
			.get(this.broker.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach(p -> request.put(p, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.broker.admin().listOffsets(request).all().get(this.broker.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.forEach((p, info) -> offsets.put(p, info.offset()));
		return offsets;
	}

	private static DeadLetter view(ConsumerRecord<?, ?> record) {
		return new DeadLetter(record.partition(), record.offset(), record.key() == null ? null : record.key().toString(),
				Instant.ofEpochMilli(record.timestamp()), text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION) == null ? null
						: number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
				number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) != null ? text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
						: text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
				shortened(text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
				record.value() instanceof byte[] bytes ? bytes.length : 0);
	}

	private static @Nullable String text(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		return last == null ? null : new String(last.value(), StandardCharsets.UTF_8);
	}

	private static @Nullable Long number(ConsumerRecord<?, ?> record, String header) {
		Header last = record.headers().lastHeader(header);
		if (last == null) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(last.value());
		return last.value().length == Integer.BYTES ? (long) buffer.getInt() : buffer.getLong();
	}

	private static @Nullable String shortened(@Nullable String message) {
		return message == null || message.length() <= 300 ? message : message.substring(0, 300) + "…";
	}

}
