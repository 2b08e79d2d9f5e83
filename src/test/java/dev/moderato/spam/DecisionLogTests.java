package dev.moderato.spam;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.moderato.OwnDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared decision log is read by a position that cannot skip: a decision whose transaction took an earlier place
 * in the log but committed after a later one is still learned, by every instance, whatever the clocks say.
 */
class DecisionLogTests {

	static final OwnDatabase database = OwnDatabase.create("spam_log").migrate();

	/** The application's clock, moved by hand: how old a row looks to it says nothing about whether it committed. */
	static final class HandClock extends Clock {

		volatile Instant now = Instant.now();

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	@Test
	void learnsADecisionWhoseTransactionCommitsAfterALaterOne() throws Exception {
		HandClock clock = new HandClock();
		SpamMemory memory = new SpamMemory(JdbcClient.create(database.dataSource()), clock);
		SpamLearning instance = learning(memory);
		AtomicInteger learned = new AtomicInteger(instance.applyNew());

		try (Connection slow = database.connect()) {
			slow.setAutoCommit(false);
			insert(slow, "slow spam, logged first, committed last", clock.instant()); // takes the lower seq
			memory.record(feedback("quick decision, logged second, committed first"));
			clock.now = clock.now.plus(Duration.ofMinutes(1)); // both rows are old by the application's clock
			learned.addAndGet(instance.applyNew());
			slow.commit();
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			learned.addAndGet(instance.applyNew());
			assertThat(learned).as("both decisions learned").hasValue(2);
		});
		SpamLearning newcomer = learning(memory);
		assertThat(newcomer.applyNew()).as("another instance learns the same two").isEqualTo(2);
		assertThat(newcomer.appliedSeq()).as("and ends at the same place").isEqualTo(instance.appliedSeq());
	}

	private static SpamLearning learning(SpamMemory memory) {
		return new SpamLearning(new SpamConfiguration.StartingModel(SpamFilter.untrained(SpamSettings.defaults()),
				SpamMemory.Position.START), memory, new SimpleMeterRegistry(), 1000, 4);
	}

	private static Feedback feedback(String text) {
		return new Feedback("default", UUID.randomUUID(), UUID.randomUUID(), "decision-log", "Dora", null, text, true);
	}

	private static void insert(Connection connection, String text, Instant at) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into spam_feedback (site_id, event_id, comment_id, post_id, author_name, text, spam, created_at)
				values ('default', ?, ?, 'decision-log', 'Sam', ?, true, ?)
				""")) {
			insert.setObject(1, UUID.randomUUID());
			insert.setObject(2, UUID.randomUUID());
			insert.setString(3, text);
			insert.setTimestamp(4, Timestamp.from(at));
			insert.executeUpdate();
		}
	}

}
