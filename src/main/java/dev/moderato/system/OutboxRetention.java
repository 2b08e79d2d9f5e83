package dev.moderato.system;

import java.time.Duration;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox events (Spring Modulith's {@code event_publication}) completed longer than {@code outbox-retention}
 * ago: once Kafka has them they are only history, and each carries a commenter's name, url and text. Incomplete ones
 * are never touched: {@link OutboxResubmission} still owes them to Kafka. Once per cluster, on {@code moderation}
 * instances: a run takes a lock (it is idempotent all the same).
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class OutboxRetention {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	private final CompletedEventPublications completed;

	private final Duration retention;

	OutboxRetention(CompletedEventPublications completed, SystemSettings settings) {
		this.completed = completed;
		this.retention = settings.outboxRetention();
	}

	@Scheduled(cron = "0 15 * * * *", zone = "UTC")
	@SchedulerLock(name = "outbox-retention", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
	void hourly() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete old outbox events; will try again: {}", ex.toString());
		}
	}

	void run() {
		this.completed.deletePublicationsOlderThan(this.retention);
		log.atDebug().log("Outbox events completed before {} ago deleted", this.retention);
	}

}
