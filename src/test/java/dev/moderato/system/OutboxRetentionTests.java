package dev.moderato.system;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completed outbox events are deleted once older than the retention (7 days by default); younger ones stay.
 */
@IntegrationTest
class OutboxRetentionTests {

	@Autowired
	OutboxRetention retention;

	@Autowired
	JdbcClient jdbc;

	final UUID old = UUID.randomUUID();

	final UUID recent = UUID.randomUUID();

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("delete from event_publication where id in (?, ?)").params(this.old, this.recent).update();
	}

	@Test
	void deletesCompletedEventsOlderThanTheRetentionOnly() {
		Instant now = Instant.now();
		completed(this.old, now.minus(Duration.ofDays(8)));
		completed(this.recent, now.minus(Duration.ofDays(6)));

		this.retention.run();

		assertThat(exists(this.old)).as("completed 8 days ago").isFalse();
		assertThat(exists(this.recent)).as("completed 6 days ago").isTrue();
	}

	private void completed(UUID id, Instant at) {
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				values (?, 'retention-test', 'java.lang.String', '"Ann wrote this"', ?, ?, 'COMPLETED', 1)
				""")
			.params(id, Timestamp.from(at.minusSeconds(1)), Timestamp.from(at))
			.update();
	}

	private boolean exists(UUID id) {
		return this.jdbc.sql("select count(*) from event_publication where id = ?").param(id).query(Integer.class).single() == 1;
	}

}
