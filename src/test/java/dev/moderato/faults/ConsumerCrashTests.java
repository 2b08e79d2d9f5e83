package dev.moderato.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.Mailbox;
import dev.moderato.OwnDatabase;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.privacy.CommenterPrivacy;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderation consumer stops dead in the middle of its work: a poll's batch of records is moderated (stored, its
 * verdicts in the outbox) but its offsets are never committed, and the records after it are not read. The instance
 * that takes over reads that batch again, and still every comment gets one verdict and its author at most one mail
 * about it.
 */
class ConsumerCrashTests {

	static final int COMMENTS = 8;

	/** Records a poll brings (the moderation listener takes a poll's records as one batch). */
	static final int BATCH = 3;

	/** The first instance's consumer stops dead after moderating this batch (1-based), before committing it. */
	static final int FROZEN_AFTER = 2;

	static final AtomicInteger batches = new AtomicInteger();

	static final AtomicBoolean frozen = new AtomicBoolean();

	static final AtomicBoolean dead = new AtomicBoolean();

	@Test
	void afterAHardStopMidBatchEveryCommentHasOneVerdictAndAtMostOneMail() throws Exception {
		OwnDatabase database = OwnDatabase.create("consumer_crash");
		try (OwnKafka kafka = new OwnKafka()) {
			ConfigurableApplicationContext first = Instances.start(kafka.bootstrapServers(), database,
					List.of(Freeze.class), "moderato.operations.roles=moderation,notification",
					"spring.kafka.listener.auto-startup=false", "spring.kafka.consumer.max-poll-records=" + BATCH,
					"spring.kafka.consumer.properties.max.poll.interval.ms=5000");
			ConfigurableApplicationContext second = null;
			try {
				String postId = "crash-" + UUID.randomUUID().toString().substring(0, 8);
				String author = "carla-" + postId + "@blog.example";
				new Api(((WebServerApplicationContext) first).getWebServer().getPort(), first.getBean(JsonMapper.class))
					.registerPost(postId, "Hard stop", "Carla", author);
				List<CommentSubmitted> sent = send(first, postId);
				// all records wait on the topic (one partition: one post), so every poll brings a full batch
				KafkaListenerEndpointRegistry listeners = first.getBean(KafkaListenerEndpointRegistry.class);
				listeners.getListenerContainer("notification-verdicts").start();
				listeners.getListenerContainer("moderation-submissions").start();
				await().atMost(Duration.ofSeconds(60)).untilTrue(frozen);
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				assertThat(count(jdbc, postId)).as("moderated before the stop").isEqualTo(FROZEN_AFTER * BATCH);

				second = Instances.start(kafka.bootstrapServers(), database, "moderato.operations.roles=moderation,notification");

				await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbc, postId) == COMMENTS);
				Topics topics = new Topics(second.getBean(ConsumerFactory.class));
				Mailbox mailbox = new Mailbox(second.getBean(GreenMail.class));
				await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.to(author).size() >= COMMENTS);
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> mailbox.to(author).size() == COMMENTS);
				List<String> mails = mailbox.to(author).stream().map(Mailbox::text).toList();
				for (CommentSubmitted comment : sent) {
					assertThat(topics.mentioning("comments.moderated", comment.commentId().toString()))
						.as("one verdict for %s", comment.text()).hasSize(1);
					assertThat(mails.stream().filter(m -> m.contains(comment.text())))
						.as("one mail about %s", comment.text()).hasSize(1);
				}
			}
			finally {
				dead.set(true);
				first.close();
				if (second != null) {
					second.close();
				}
			}
		}
	}

	private static int count(JdbcClient jdbc, String postId) {
		return jdbc.sql("select count(*) from comment where post_id = ?").param(postId).query(Integer.class).single();
	}

	private static List<CommentSubmitted> send(ConfigurableApplicationContext context, String postId) throws Exception {
		CommenterPrivacy privacy = context.getBean(CommenterPrivacy.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		@SuppressWarnings("unchecked")
		KafkaOperations<Object, Object> kafka = context.getBean(KafkaOperations.class);
		List<CommentSubmitted> sent = new ArrayList<>();
		for (int i = 1; i <= COMMENTS; i++) {
			CommentSubmitted comment = Submissions.submitted(privacy, postId, "Cleo",
					"cleo-" + i + "-" + postId + "@mail.example", "Comment number " + i + " before the hard stop.");
			kafka.send(new ProducerRecord<>(CommentSubmitted.TOPIC, postId, json.writeValueAsBytes(comment))).get();
			sent.add(comment);
		}
		return sent;
	}

	/**
	 * In the first instance only: its moderation consumer stops dead after the {@link #FROZEN_AFTER}th batch was
	 * moderated and before its offsets are committed, as a process that hangs or is killed. It stays silent past
	 * {@code max.poll.interval.ms}, so the group drops it and gives its partitions to the next instance; when the test
	 * ends it processes nothing more.
	 */
	static class Freeze {

		@Bean
		BatchInterceptor<Object, Object> hardStop() {
			return new BatchInterceptor<>() {

				@Override
				public @Nullable ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
						Consumer<Object, Object> consumer) {
					return dead.get() && submissions(records) ? null : records;
				}

				@Override
				public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
					if (submissions(records) && batches.incrementAndGet() == FROZEN_AFTER) {
						frozen.set(true);
						await().forever().untilTrue(dead);
					}
				}

			};
		}

		private static boolean submissions(ConsumerRecords<Object, Object> records) {
			return records.partitions().stream().anyMatch(p -> CommentSubmitted.TOPIC.equals(p.topic()));
		}

	}

}
