package dev.moderato.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends recorded notifications, outside any transaction: a slow or absent SMTP server delays mail, never intake or
 * moderation. A failed send is retried with exponential back-off; after the last try it is kept as failed.
 */
@Component
@ConditionalOnRole(Role.NOTIFICATION)
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private final NotificationLog notifications;

	private final JavaMailSender mailSender;

	private final NotificationSettings settings;

	private final Clock clock;

	private final MeterRegistry meters;

	MailDispatcher(NotificationLog notifications, JavaMailSender mailSender, NotificationSettings settings, Clock clock,
			MeterRegistry meters) {
		this.notifications = notifications;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${moderato.notification.dispatch-interval:1s}")
	void dispatchDue() {
		Instant now = this.clock.instant();
		int suppressed = this.notifications.suppressUnwanted(now);
		if (suppressed > 0) {
			this.meters.counter("moderato.notifications", "outcome", "suppressed").increment(suppressed);
			log.atInfo().log("{} mails not sent: their recipients unsubscribed", suppressed);
		}
		for (NotificationLog.Claimed claimed : this.notifications.claimDue(this.settings.batchSize(), now,
				now.plus(this.settings.lease()))) {
			send(claimed);
		}
	}

	private void send(NotificationLog.Claimed claimed) {
		try {
			this.mailSender.send(message(claimed));
			this.notifications.markSent(claimed.id(), this.clock.instant());
			count("sent");
			log.atInfo()
				.addKeyValue("notificationId", claimed.id())
				.addKeyValue("kind", claimed.kind())
				.addKeyValue("commentId", claimed.commentId())
				.log("Mail sent");
		}
		catch (MailException | MessagingException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			if (claimed.attempts() >= this.settings.maxAttempts()) {
				this.notifications.markFailed(claimed.id(), error);
				count("failed");
				log.atError()
					.addKeyValue("notificationId", claimed.id())
					.addKeyValue("commentId", claimed.commentId())
					.log("Mail failed after {} attempts, kept as failed: {}", claimed.attempts(), ex.getClass().getSimpleName());
			}
			else {
				Duration delay = backOff(claimed.attempts());
				this.notifications.markRetry(claimed.id(), this.clock.instant().plus(delay), error);
				count("retry");
				log.atWarn()
					.addKeyValue("notificationId", claimed.id())
					.addKeyValue("commentId", claimed.commentId())
					.log("Mail not sent (attempt {}), retrying in {}: {}", claimed.attempts(), delay,
							ex.getClass().getSimpleName());
			}
		}
	}

	private MimeMessage message(NotificationLog.Claimed claimed) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(claimed.mail().recipient());
		helper.setSubject(MailHeaders.safe(claimed.mail().subject()));
		helper.setText(claimed.mail().text(), claimed.mail().html());
		String unsubscribe = claimed.mail().unsubscribeUrl();
		if (unsubscribe != null && unsubscribe.matches("https?://[!-~&&[^<>]]+")) {
			// RFC 8058: a POST of "List-Unsubscribe=One-Click" to this address unsubscribes, without login
			message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		// stable per notification (the sender keeps an explicit id): a resend after a crash is recognisably the same mail
		message.setHeader("Message-ID", "<" + claimed.id() + "@moderato>");
		return message;
	}

	Duration backOff(int attempts) {
		Duration delay = this.settings.firstRetry().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
		return delay.compareTo(this.settings.maxRetry()) > 0 ? this.settings.maxRetry() : delay;
	}

	private void count(String outcome) {
		this.meters.counter("moderato.notifications", "outcome", outcome).increment();
	}

}
