package dev.moderato.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.moderato.Api;
import dev.moderato.OwnDatabase;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.privacy.CommenterPrivacy;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verdict is committed to the database, and Kafka is gone before it is announced: its submission's offset is not
 * committed, so the submission comes again (to the same instance once Kafka is back, or to the next one), finds its
 * comment stored and announces the stored verdict, once.
 */
class VerdictAnnouncementCrashTests {

	static OwnKafka broker;

	static final AtomicBoolean armed = new AtomicBoolean(true);

	static final CountDownLatch stopped = new CountDownLatch(1);

	@Test
	void aVerdictCommittedButNotAnnouncedGoesOutOnce() throws Exception {
		OwnDatabase database = OwnDatabase.create("announcement_crash");
		try (OwnKafka kafka = new OwnKafka()) {
			broker = kafka;
			ConfigurableApplicationContext first = Instances.start(kafka.bootstrapServers(), database,
					List.of(), "moderato.operations.roles=moderation",
					"spring.kafka.producer.properties.interceptor.classes=" + KafkaGoesAwayAtAnnouncement.class.getName(),
					// its leave-group request is lost while Kafka restarts: the group then waits out this instance's
					// session before the second takes its partitions (45 s by default, 6 s the broker's least)
					"spring.kafka.consumer.properties.session.timeout.ms=6000",
					"spring.kafka.consumer.properties.heartbeat.interval.ms=2000");
			CommentSubmitted comment;
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			try {
				String postId = "outbox-" + UUID.randomUUID().toString().substring(0, 8);
				new Api(((WebServerApplicationContext) first).getWebServer().getPort(), first.getBean(JsonMapper.class))
					.registerPost(postId, "Outbox", "Olaf", "olaf-" + postId + "@blog.example");
				comment = Submissions.submitted(first.getBean(CommenterPrivacy.class), postId, "Oda",
						"oda-" + postId + "@mail.example", "Moderated, committed, not yet sent.");
				@SuppressWarnings("unchecked")
				KafkaOperations<Object, Object> template = first.getBean(KafkaOperations.class);
				template.send(new ProducerRecord<>(CommentSubmitted.TOPIC, postId,
						first.getBean(JsonMapper.class).writeValueAsBytes(comment))).get();

				await().atMost(Duration.ofSeconds(60)).until(() -> rows(jdbc, "select count(*) from comment where id = ?",
						comment.commentId()) == 1);
				assertThat(stopped.await(60, TimeUnit.SECONDS)).as("Kafka was stopped at the announcement").isTrue();
				// stored, but Kafka never acknowledged the verdict
				assertThat(rows(jdbc, "select count(*) from verdict_unannounced where comment_id = ?",
						comment.commentId())).isEqualTo(1);
				kafka.start();
			}
			finally {
				first.close();
			}

			ConfigurableApplicationContext second = Instances.start(kafka.bootstrapServers(), database,
					"moderato.operations.roles=moderation");
			try {
				Topics topics = new Topics(second.getBean(ConsumerFactory.class));
				String id = comment.commentId().toString();
				await().atMost(Duration.ofSeconds(60)).until(() -> topics.mentioning(CommentModerated.TOPIC, id).size() == 1);
				assertThat(rows(second.getBean(JdbcClient.class), "select count(*) from comment where id = ?",
						comment.commentId())).isEqualTo(1);
				await("noted as announced once Kafka acknowledged it").atMost(Duration.ofSeconds(30))
					.until(() -> rows(second.getBean(JdbcClient.class),
							"select count(*) from verdict_unannounced where comment_id = ?", comment.commentId()) == 0);
				await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
					.until(() -> topics.mentioning(CommentModerated.TOPIC, id).size() == 1);
			}
			finally {
				second.close();
			}
		}
	}

	private static int rows(JdbcClient jdbc, String sql, Object param) {
		var statement = jdbc.sql(sql);
		return (param == null ? statement : statement.param(param)).query(Integer.class).single();
	}

	/**
	 * In the first instance only (a producer interceptor): the broker stops as the first verdict is about to be
	 * announced, after the database commit, so the announcement cannot reach Kafka.
	 */
	public static class KafkaGoesAwayAtAnnouncement implements ProducerInterceptor<Object, Object> {

		@Override
		public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
			if (CommentModerated.TOPIC.equals(record.topic()) && armed.compareAndSet(true, false)) {
				broker.stop();
				stopped.countDown();
			}
			return record;
		}

		@Override
		public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
		}

		@Override
		public void close() {
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

	}

}
