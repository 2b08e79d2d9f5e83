package dev.moderato.system;

import java.time.Duration;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends outbox events again that were stored with their database change but not yet acknowledged by Kafka (for example
 * while Kafka was down), so no event is lost. Consumers are idempotent, so a second delivery is harmless.
 * Once per cluster: a run takes a lock, so several {@code moderation} instances do not send the same events at once.
 */
@Component
@ConditionalOnRole(Role.MODERATION)
@ConditionalOnBooleanProperty(name = "moderato.system.outbox-resubmission", matchIfMissing = true)
class OutboxResubmission {

	private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

	private final IncompleteEventPublications publications;

	private final Duration minimumAge;

	OutboxResubmission(IncompleteEventPublications publications, SystemSettings settings) {
		this.publications = publications;
		this.minimumAge = settings.outboxResubmitInterval();
	}

	@Scheduled(initialDelayString = "${moderato.system.outbox-resubmit-interval:30s}",
			fixedDelayString = "${moderato.system.outbox-resubmit-interval:30s}")
	@SchedulerLock(name = "outbox-resubmission", lockAtLeastFor = "PT5S", lockAtMostFor = "PT5M")
	void resubmit() {
		try {
			this.publications.resubmitIncompletePublicationsOlderThan(this.minimumAge);
		}
		catch (RuntimeException ex) {
			log.warn("Could not resubmit outbox events; will try again: {}", ex.toString());
		}
	}

}
