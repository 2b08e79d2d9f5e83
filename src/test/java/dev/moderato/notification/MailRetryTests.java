package dev.moderato.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP down, then up: the mail arrives once. SMTP down for good: the mail is kept as failed, not dropped. Runs a
 * dispatcher on a clock a day ahead, so the application's own dispatcher leaves these mails alone.
 */
@IntegrationTest
class MailRetryTests {

	@Autowired
	NotificationLog notifications;

	@Autowired
	JavaMailSender greenMailSender;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	final Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

	@Test
	void mailFailedWhileSmtpIsDownArrivesOnceWhenItIsBack() throws Exception {
		String recipient = "retry-" + UUID.randomUUID() + "@blog.example";
		record(recipient, this.tomorrow);

		dispatcher(smtpDown(), this.tomorrow, 3).dispatchDue();
		assertThat(status(recipient)).isEqualTo("PENDING");
		assertThat(lastError(recipient)).contains("MailSendException");
		assertThat(new Mailbox(this.greenMail).to(recipient)).isEmpty();

		dispatcher(this.greenMailSender, this.tomorrow.plusSeconds(10), 3).dispatchDue();
		assertThat(new Mailbox(this.greenMail).to(recipient)).as("not yet due: back-off").isEmpty();

		dispatcher(this.greenMailSender, this.tomorrow.plusSeconds(31), 3).dispatchDue();
		dispatcher(this.greenMailSender, this.tomorrow.plusSeconds(3600), 3).dispatchDue();
		assertThat(new Mailbox(this.greenMail).to(recipient)).hasSize(1);
		assertThat(status(recipient)).isEqualTo("SENT");
	}

	@Test
	void mailIsKeptAsFailedAfterTheLastTry() throws Exception {
		String recipient = "failed-" + UUID.randomUUID() + "@blog.example";
		Instant start = this.tomorrow.plusSeconds(7200);
		record(recipient, start);
		double failedBefore = this.meters.counter("moderato.notifications", "outcome", "failed").count();

		dispatcher(smtpDown(), start, 2).dispatchDue();
		dispatcher(smtpDown(), start.plusSeconds(31), 2).dispatchDue();

		assertThat(status(recipient)).isEqualTo("FAILED");
		assertThat(this.meters.counter("moderato.notifications", "outcome", "failed").count()).isEqualTo(failedBefore + 1);
		dispatcher(this.greenMailSender, start.plus(Duration.ofDays(2)), 2).dispatchDue();
		assertThat(new Mailbox(this.greenMail).to(recipient)).isEmpty();
	}

	private void record(String recipient, Instant at) {
		Mail mail = new Mail(recipient, "Retry me", "plain", "<p>html</p>");
		assertThat(this.notifications.recordOnce("test:" + recipient, "test", null, mail, at)).isTrue();
		assertThat(this.notifications.recordOnce("test:" + recipient, "test", null, mail, at)).as("recorded once").isFalse();
	}

	private MailDispatcher dispatcher(JavaMailSender sender, Instant now, int maxAttempts) {
		NotificationSettings settings = NotificationSettings.sending("Moderato <moderato@localhost>", 50, maxAttempts,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2));
		return new MailDispatcher(this.notifications, sender, settings, Clock.fixed(now, ZoneOffset.UTC), this.meters);
	}

	private static JavaMailSender smtpDown() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(closedPort);
		return sender;
	}

	private String status(String recipient) {
		return this.jdbc.sql("select status from notification where dedup_key = ?").param("test:" + recipient).query(String.class).single();
	}

	private String lastError(String recipient) {
		return this.jdbc.sql("select last_error from notification where dedup_key = ?").param("test:" + recipient).query(String.class).single();
	}

}
