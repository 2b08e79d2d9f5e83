package dev.moderato.faults;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.moderato.Api;
import dev.moderato.OwnDatabase;
import dev.moderato.Submissions;
import dev.moderato.Topics;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.privacy.CommenterPrivacy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verdict is committed to the database, and Kafka is gone before the event is sent: the instance goes away with
 * the event still in the outbox. The next instance sends it on start-up, once.
 */
class OutboxCrashTests {

	static OwnKafka broker;

	static final AtomicBoolean armed = new AtomicBoolean(true);

	@Test
	void aVerdictCommittedButNotSentGoesOutOnceAfterRestart() throws Exception {
		OwnDatabase database = OwnDatabase.create("outbox_crash");
		try (OwnKafka kafka = new OwnKafka()) {
			broker = kafka;
			ConfigurableApplicationContext first = Instances.start(kafka.bootstrapServers(), database,
					List.of(KafkaGoesAwayAtCommit.class), "moderato.operations.roles=moderation",
					"moderato.system.outbox-resubmission=false");
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
				// the send failed: nothing reached Kafka, the event waits in the outbox
				await().atMost(Duration.ofSeconds(60)).until(() -> rows(jdbc,
						"select count(*) from event_publication where completion_date is null and status = 'FAILED'", null) == 1);
				assertThat(armed).as("Kafka was stopped at the commit").isFalse();
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
				JdbcClient restarted = second.getBean(JdbcClient.class);
				await().atMost(Duration.ofSeconds(30)).until(() -> rows(restarted,
						"select count(*) from event_publication where completion_date is null", null) == 0);
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
	 * In the first instance only: the broker stops just before the verdict's transaction commits, so the database
	 * commit succeeds and the outbox's send that follows it cannot reach Kafka.
	 */
	static class KafkaGoesAwayAtCommit {

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void on(CommentModerated verdict) {
			if (armed.compareAndSet(true, false)) {
				broker.stop();
			}
		}

	}

}
