package dev.moderato.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.moderato.operations.ConditionalOnRole;
import dev.moderato.operations.Role;
import dev.moderato.system.ScrubbedError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends recorded notifications, outside any transaction: a slow or absent SMTP server delays mail, never intake or
 * moderation. Each batch goes over one SMTP connection, under a lease long enough for every mail in it to time out
 * (see {@link SmtpTimeouts}), so no other instance claims a mail that is still being sent. A failed send is retried
 * with exponential back-off; after the last try it is kept as failed. A mail that cannot be sent at all (its
 * recipient cannot be decrypted) fails alone and at once.
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

	private final SmtpTimeouts timeouts;

	MailDispatcher(NotificationLog notifications, JavaMailSender mailSender, NotificationSettings settings, Clock clock,
			MeterRegistry meters) {
		this.notifications = notifications;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.meters = meters;
		this.timeouts = SmtpTimeouts.of(mailSender);
		if (!this.timeouts.bounded()) {
			log.atWarn().log("SMTP timeouts are not all set (spring.mail.properties.mail.smtp.connectiontimeout, "
					+ "timeout, writetimeout): a server that stops answering can hold mail sending indefinitely");
		}
	}

	@Scheduled(fixedDelayString = "${moderato.notification.dispatch-interval:1s}")
	void dispatchDue() {
		Instant now = this.clock.instant();
		int suppressed = this.notifications.suppressUnwanted(now);
		if (suppressed > 0) {
			this.meters.counter("moderato.notifications", "outcome", "suppressed").increment(suppressed);
			log.atInfo().log("{} mails not sent: their recipients unsubscribed", suppressed);
		}
		List<NotificationLog.Claimed> claimed = this.notifications.claimDue(this.settings.batchSize(), now,
				now.plus(lease(this.settings.batchSize())));
		Map<MimeMessage, NotificationLog.Claimed> batch = new LinkedHashMap<>();
		for (NotificationLog.Claimed one : claimed) {
			MimeMessage message = prepare(one);
			if (message != null) {
				batch.put(message, one);
			}
		}
		if (!batch.isEmpty()) {
			send(batch);
		}
	}

	/**
	 * How long a batch of {@code mails} stays claimed: the configured lease, plus for each mail the time it may take
	 * to time out on a stalled server.
	 */
	Duration lease(int mails) {
		return this.settings.lease().plus(this.timeouts.perMail().multipliedBy(mails));
	}

	/** The message to send, or null if it cannot be built (then it is failed at once: retrying cannot help). */
	private @Nullable MimeMessage prepare(NotificationLog.Claimed claimed) {
		try {
			return message(claimed, this.notifications.open(claimed));
		}
		catch (IllegalStateException | MessagingException ex) {
			this.notifications.markFailed(claimed.id(), "Not sendable: " + ScrubbedError.of(ex));
			count("failed");
			log.atError()
				.addKeyValue("notificationId", claimed.id())
				.addKeyValue("commentId", claimed.commentId())
				.log("Mail cannot be sent, kept as failed: {}", ScrubbedError.of(ex));
			return null;
		}
	}

	/** Sends the batch over one connection; each message that failed is retried or failed on its own. */
	private void send(Map<MimeMessage, NotificationLog.Claimed> batch) {
		Map<Object, Exception> failed = Map.of();
		try {
			this.mailSender.send(batch.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			// only a failure to close the connection after every mail went out has no failed messages
			failed = ex.getFailedMessages();
		}
		catch (MailException ex) { // could not authenticate or prepare: nothing was sent
			failed = new IdentityHashMap<>();
			for (MimeMessage message : batch.keySet()) {
				failed.put(message, ex);
			}
		}
		for (Map.Entry<MimeMessage, NotificationLog.Claimed> entry : batch.entrySet()) {
			Exception failure = failed.get(entry.getKey());
			if (failure == null) {
				sent(entry.getValue());
			}
			else {
				notSent(entry.getValue(), failure);
			}
		}
	}

	private void sent(NotificationLog.Claimed claimed) {
		this.notifications.markSent(claimed.id(), this.clock.instant());
		count("sent");
		log.atInfo()
			.addKeyValue("notificationId", claimed.id())
			.addKeyValue("kind", claimed.kind())
			.addKeyValue("commentId", claimed.commentId())
			.log("Mail sent");
	}

	private void notSent(NotificationLog.Claimed claimed, Exception ex) {
		String error = "MailSendException: " + ScrubbedError.of(ex);
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

	private MimeMessage message(NotificationLog.Claimed claimed, Mail mail) throws MessagingException {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(mail.recipient());
		helper.setSubject(MailHeaders.safe(mail.subject()));
		helper.setText(mail.text(), mail.html());
		String unsubscribe = mail.unsubscribeUrl();
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
