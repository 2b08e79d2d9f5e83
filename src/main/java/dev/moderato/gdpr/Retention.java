package dev.moderato.gdpr;

import java.time.Clock;
import java.time.Instant;

import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps personal data no longer than needed, once a day: comments older than {@code ip-retention} lose their IP
 * prefix and hash; held and spam comments unchanged for {@code held-and-spam-retention} are deleted (their replies
 * stay, without a parent; approved and rejected comments are never purged); expired self-service requests go.
 * Once per cluster: it runs on {@code moderation} instances and takes a lock, so of several instances one runs it (it
 * is idempotent too).
 */
@Component
@ConditionalOnRole(Role.MODERATION)
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final Comments comments;

	private final PrivacyRequests requests;

	private final GdprSettings settings;

	private final IpRetention ipRetention;

	private final Clock clock;

	Retention(Comments comments, PrivacyRequests requests, GdprSettings settings, IpRetention ipRetention, Clock clock) {
		this.comments = comments;
		this.requests = requests;
		this.settings = settings;
		this.ipRetention = ipRetention;
		this.clock = clock;
	}

	/** What one run removed. */
	record Outcome(int ipAddressesForgotten, int heldPurged, int spamPurged, int requestsPurged) {
	}

	@Scheduled(cron = "0 30 3 * * *", zone = "UTC")
	@SchedulerLock(name = "gdpr-retention", lockAtLeastFor = "PT10M", lockAtMostFor = "PT1H")
	void daily() {
		run();
	}

	Outcome run() {
		Instant now = this.clock.instant();
		int ips = this.comments.forgetIpAddresses(this.ipRetention.keptSince(now));
		Instant purgeBefore = now.minus(this.settings.heldAndSpamRetention());
		int held = this.comments.purge(CommentStatus.HELD, purgeBefore);
		int spam = this.comments.purge(CommentStatus.SPAM, purgeBefore);
		int requests = this.requests.purgeExpired(now);
		log.atInfo()
			.addKeyValue("ipAddressesForgotten", ips)
			.addKeyValue("heldPurged", held)
			.addKeyValue("spamPurged", spam)
			.addKeyValue("requestsPurged", requests)
			.log("Retention: IP data dropped from {} comments; purged {} held and {} spam comments, {} expired requests",
					ips, held, spam, requests);
		return new Outcome(ips, held, spam, requests);
	}

}
