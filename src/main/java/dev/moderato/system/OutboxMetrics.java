package dev.moderato.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox as gauges, read from {@code event_publication}: {@code moderato.outbox.incomplete} (events stored but not
 * yet acknowledged by Kafka) and {@code moderato.outbox.age} (seconds the oldest of them has waited). Both are NaN
 * while the database cannot be read. Read on {@code moderation} instances only (they publish the outbox).
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class OutboxMetrics {

	private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Double> incomplete = new AtomicReference<>(Double.NaN);

	private final AtomicReference<Double> age = new AtomicReference<>(Double.NaN);

	OutboxMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("moderato.outbox.incomplete", this.incomplete, AtomicReference::get)
			.description("Outbox events not yet acknowledged by Kafka")
			.register(meters);
		Gauge.builder("moderato.outbox.age", this.age, AtomicReference::get)
			.description("How long the oldest unpublished outbox event has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${moderato.operations.metrics-refresh:15s}")
	void refresh() {
		try {
			this.jdbc.sql("select count(*) as waiting, min(publication_date) as oldest from event_publication "
					+ "where completion_date is null").query((rs, row) -> {
						Timestamp oldest = rs.getTimestamp("oldest");
						this.incomplete.set((double) rs.getLong("waiting"));
						this.age.set(oldest == null ? 0.0
								: Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0));
						return row;
					}).single();
		}
		catch (RuntimeException ex) {
			this.incomplete.set(Double.NaN);
			this.age.set(Double.NaN);
			log.warn("Outbox metrics unavailable: {}", ex.toString());
		}
	}

}
