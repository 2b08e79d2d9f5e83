package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for ended digest periods and expired confirmation requests; the logic is in {@link Digests#sendDue} and
 * {@link ReplyNotifications#expireRequests}, which tests call with a time of their choosing.
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION)
class DigestSchedule {

	private final Digests digests;

	private final ReplyNotifications replies;

	private final AuthorMailCount counts;

	private final Clock clock;

	DigestSchedule(Digests digests, ReplyNotifications replies, AuthorMailCount counts, Clock clock) {
		this.digests = digests;
		this.replies = replies;
		this.counts = counts;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${moderato.notification.digest-interval:1m}")
	@SchedulerLock(name = "notification-digests", lockAtLeastFor = "PT5S", lockAtMostFor = "PT10M")
	void run() {
		Instant now = this.clock.instant();
		this.digests.sendDue(now);
		this.replies.expireRequests(now);
		this.counts.forget(now.minus(java.time.Duration.ofDays(1)));
	}

}
