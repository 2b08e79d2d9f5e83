package dev.moderato.notification;

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
 * The mail queue as gauges, read from the {@code notification} table: {@code moderato.notification.queue.size} (mails
 * recorded but not yet sent or given up) and {@code moderato.notification.queue.age} (seconds the oldest of them has
 * waited). Both are NaN while the database cannot be read. Read on {@code notification} instances only.
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION)
class NotificationQueueMetrics {

	private static final Logger log = LoggerFactory.getLogger(NotificationQueueMetrics.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicReference<Double> size = new AtomicReference<>(Double.NaN);

	private final AtomicReference<Double> age = new AtomicReference<>(Double.NaN);

	NotificationQueueMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("moderato.notification.queue.size", this.size, AtomicReference::get)
			.description("Mails recorded and not yet sent or given up")
			.register(meters);
		Gauge.builder("moderato.notification.queue.age", this.age, AtomicReference::get)
			.description("How long the oldest unsent mail has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${moderato.operations.metrics-refresh:15s}")
	void refresh() {
		try {
			this.jdbc.sql("select count(*) as waiting, min(created_at) as oldest from notification "
					+ "where status in ('PENDING', 'SENDING')").query((rs, row) -> {
						Timestamp oldest = rs.getTimestamp("oldest");
						this.size.set((double) rs.getLong("waiting"));
						this.age.set(oldest == null ? 0.0
								: Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0));
						return row;
					}).single();
		}
		catch (RuntimeException ex) {
			this.size.set(Double.NaN);
			this.age.set(Double.NaN);
			log.warn("Mail queue metrics unavailable: {}", ex.toString());
		}
	}

}
