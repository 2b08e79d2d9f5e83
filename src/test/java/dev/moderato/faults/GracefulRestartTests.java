package dev.moderato.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.moderato.Submissions;
import dev.moderato.OwnDatabase;
import dev.moderato.Topics;
import dev.moderato.comments.CommentId;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A moderation instance that is stopped while it works finishes the records it holds, commits their offsets and
 * closes; the next instance continues where it stopped. Across the restart no record is lost and none is processed
 * twice. The two instances have a Kafka and a database of their own, so no other test's consumers (the shared test
 * context moderates comments.submitted too) take, store or announce their records.
 */
class GracefulRestartTests {

	static final int RECORDS = 24;

	static final String LISTENER = "moderation-submissions";

	/** Each (partition, offset) of comments.submitted that a listener finished, by instance. */
	static final Map<String, List<String>> processed = new ConcurrentHashMap<>();

	static final AtomicBoolean holding = new AtomicBoolean();

	static OwnKafka kafka;

	static OwnDatabase database;

	@Test
	void noRecordIsLostOrProcessedTwiceAcrossAGracefulRestart() throws Exception {
		try (OwnKafka own = new OwnKafka()) {
			kafka = own;
			database = OwnDatabase.create("graceful_restart");
			restart();
		}
	}

	private void restart() throws Exception {
		String group = "restart-" + UUID.randomUUID();
		Map<TopicPartition, Long> start = startGroupAtTheEnd(group);
		ConfigurableApplicationContext first = instance("first", group);
		List<CommentSubmitted> sent;
		try {
			sent = send(first, RECORDS);
			await().atMost(Duration.ofSeconds(30)).untilTrue(holding);
		}
		finally {
			first.close(); // the held record is released once its container is asked to stop
		}
		int firstCount = processed.getOrDefault("first", List.of()).size();
		assertThat(firstCount).as("the first instance finished what it held, not everything").isBetween(3, RECORDS - 1);

		ConfigurableApplicationContext second = instance("second", group);
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> all().size() >= RECORDS);
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> all().size() == RECORDS);

			assertThat(all()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected(start, second));
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			Topics topics = new Topics(second.getBean(ConsumerFactory.class));
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				for (CommentSubmitted comment : sent) {
					assertThat(jdbc.sql("select count(*) from comment where id = ?").param(comment.commentId())
						.query(Integer.class).single()).isOne();
				}
			});
			String verdicts = topics.read(CommentModeratedTopic.NAME).stream().map(ConsumerRecord::value).toList().toString();
			for (CommentSubmitted comment : sent) {
				assertThat(verdicts.split(comment.commentId().toString(), -1)).as("one verdict per comment").hasSize(2);
			}
		}
		finally {
			second.close();
		}
	}

	private static ConfigurableApplicationContext instance(String name, String group) {
		return Instances.start(kafka.bootstrapServers(), database, List.of(Probe.class),
				"moderato.operations.roles=moderation", "restart.instance=" + name, "restart.group=" + group,
				"spring.kafka.consumer.max-poll-records=4",
				// one consumer per instance: the restart of an instance, not a rebalance among its own consumers
				"moderato.moderation.concurrency=1");
	}

	/** Before any consumer of the group exists: it starts after the records other tests left on the topic. */
	private static Map<TopicPartition, Long> startGroupAtTheEnd(String group) throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
			if (!admin.listTopics().names().get().contains(CommentSubmitted.TOPIC)) {
				return Map.of(); // a new topic: the group starts at its beginning
			}
			Map<TopicPartition, Long> end = ends(admin);
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			end.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
			admin.alterConsumerGroupOffsets(group, offsets).all().get();
			return end;
		}
	}

	private static List<String> expected(Map<TopicPartition, Long> start, ConfigurableApplicationContext context)
			throws Exception {
		try (Admin admin = Admin.create(context.getBean(KafkaAdmin.class).getConfigurationProperties())) {
			List<String> expected = new ArrayList<>();
			ends(admin).forEach((partition, end) -> {
				for (long offset = start.getOrDefault(partition, 0L); offset < end; offset++) {
					expected.add(partition.partition() + "@" + offset);
				}
			});
			return expected;
		}
	}

	private static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		admin.describeTopics(List.of(CommentSubmitted.TOPIC)).allTopicNames().get().get(CommentSubmitted.TOPIC)
			.partitions().forEach(p -> latest.put(new TopicPartition(CommentSubmitted.TOPIC, p.partition()), OffsetSpec.latest()));
		Map<TopicPartition, Long> end = new HashMap<>();
		admin.listOffsets(latest).all().get().forEach((p, info) -> end.put(p, info.offset()));
		return end;
	}

	private static List<CommentSubmitted> send(ConfigurableApplicationContext context, int count) throws Exception {
		String postId = "restart-" + UUID.randomUUID().toString().substring(0, 8);
		context.getBean(Posts.class)
			.register(new Post(new PostId(postId), "Restarted", "https://blog.example/restart", "Rita", "rita@blog.example"));
		CommenterPrivacy privacy = context.getBean(CommenterPrivacy.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		@SuppressWarnings("unchecked")
		KafkaOperations<Object, Object> kafka = context.getBean(KafkaOperations.class);
		List<CommentSubmitted> sent = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String email = "restart-" + UUID.randomUUID() + "@mail.example";
			CommentSubmitted comment = Submissions.submitted(privacy, postId, "Rex", email, "Comment " + i + " across a restart.");
			// alternate keys so both partitions get records
			kafka.send(new ProducerRecord<>(CommentSubmitted.TOPIC, i % 2 == 0 ? postId : postId + "-", json.writeValueAsBytes(comment)))
				.get();
			sent.add(comment);
		}
		return sent;
	}

	private static List<String> all() {
		List<String> all = new ArrayList<>();
		processed.values().forEach(all::addAll);
		return all;
	}

	/** The topic name without a dependency on the moderation module's internals. */
	static final class CommentModeratedTopic {

		static final String NAME = "comments.moderated";

	}

	/**
	 * Test wiring for each instance: its own consumer group, a record of every record its listener finished, and, in
	 * the first instance, a record held until the container is asked to stop, so the stop always meets work in flight.
	 */
	static class Probe {

		@Bean
		SmartLifecycle ownConsumerGroup(ObjectProvider<KafkaListenerEndpointRegistry> registry,
				@Value("${restart.group}") String group) {
			return new SmartLifecycle() {

				private boolean running;

				@Override
				public void start() {
					registry.getObject().getListenerContainer(LISTENER).getContainerProperties().setGroupId(group);
					this.running = true;
				}

				@Override
				public void stop() {
					this.running = false;
				}

				@Override
				public boolean isRunning() {
					return this.running;
				}

				@Override
				public int getPhase() {
					return registry.getObject().getPhase() - 1; // looked up, not injected: see ListenerRoles
				}
			};
		}

		/** The moderation listener takes a poll's records as one batch: they are finished when the batch is. */
		@Bean
		BatchInterceptor<Object, Object> processedRecords(@Value("${restart.instance}") String instance,
				ObjectProvider<KafkaListenerEndpointRegistry> registry) {
			List<String> mine = processed.computeIfAbsent(instance, i -> new CopyOnWriteArrayList<>());
			return new BatchInterceptor<>() {

				@Override
				public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
						Consumer<Object, Object> consumer) {
					if ("first".equals(instance) && submissions(records) && mine.size() >= 2
							&& holding.compareAndSet(false, true)) {
						await().atMost(Duration.ofSeconds(60))
							.until(() -> !registry.getObject().getListenerContainer(LISTENER).isRunning());
					}
					return records;
				}

				@Override
				public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
					if (submissions(records)) {
						records.forEach(record -> mine.add(record.partition() + "@" + record.offset()));
					}
				}

			};
		}

		private static boolean submissions(ConsumerRecords<Object, Object> records) {
			return records.partitions().stream().anyMatch(p -> CommentSubmitted.TOPIC.equals(p.topic()));
		}

	}

}
