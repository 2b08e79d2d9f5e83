package dev.moderato.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.TestPrivacy;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An SMTP relay that accepts connections and never answers, then a working one. Drives dispatchers of its own, on
 * clocks in 2045 (no other test's mail is due then, and the application's dispatcher never reaches these mails),
 * with its own mail senders and its own GreenMail, so the shared GreenMail is not disturbed.
 */
@IntegrationTest
class StalledSmtpTests {

	static final Instant T = Instant.parse("2045-01-01T10:00:00Z");

	@Autowired
	NotificationLog notifications;

	@Autowired
	JavaMailSender applicationSender;

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final List<Socket> stalled = new CopyOnWriteArrayList<>();

	ServerSocket stallingServer;

	GreenMail greenMail;

	@AfterEach
	void cleanUp() throws IOException {
		if (this.stallingServer != null) {
			this.stallingServer.close();
		}
		for (Socket socket : this.stalled) {
			socket.close();
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
		this.jdbc.sql("delete from notification where dedup_key like ?").param("stall-" + this.run + ":%").update();
	}

	@Test
	void theApplicationsMailSenderGivesUpOnAServerThatStopsAnswering() {
		SmtpTimeouts timeouts = SmtpTimeouts.of(this.applicationSender);
		assertThat(timeouts.bounded()).as("connect, read and write timeouts are set").isTrue();
		assertThat(timeouts.perMail()).isLessThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aStalledRelayTimesOutWithoutHoldingOtherJobsAndEveryMailArrivesOnceWhenAWorkingServerIsBack()
			throws Exception {
		List<String> recipients = List.of(recipient("a"), recipient("b"), recipient("c"));
		recipients.forEach(r -> record(r, T));
		JavaMailSender stalling = sender(stallingServer());

		MailDispatcher first = dispatcher(stalling, T);
		// completed when the run ends: a virtual-thread scheduler's own future completes as soon as the run is handed off
		CompletableFuture<Void> sending = new CompletableFuture<>();
		this.scheduler.schedule(() -> {
			try {
				first.dispatchDue();
				sending.complete(null);
			}
			catch (Throwable ex) {
				sending.completeExceptionally(ex);
			}
		}, Instant.now());
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.stalled.isEmpty());

		// while the dispatcher waits on the silent server: other scheduled work runs
		CountDownLatch otherJob = new CountDownLatch(1);
		this.scheduler.schedule(otherJob::countDown, Instant.now());
		assertThat(otherJob.await(2, TimeUnit.SECONDS)).as("another job ran meanwhile").isTrue();
		assertThat(sending.isDone()).as("the dispatcher is still waiting").isFalse();
		// ... and the batch is leased for as long as its mails can take, so no other instance sends them meanwhile
		Duration perMail = SmtpTimeouts.of(stalling).perMail();
		assertThat(recipients).allSatisfy(r -> {
			assertThat(status(r)).isEqualTo("SENDING");
			assertThat(nextAttempt(r)).isAfterOrEqualTo(T.plus(perMail.multipliedBy(3)));
		});
		startGreenMail();
		dispatcher(sender(this.greenMail.getSmtp().getPort()), T.plusSeconds(6)).dispatchDue();
		assertThat(recipients).allSatisfy(r -> assertThat(new Mailbox(this.greenMail).to(r)).isEmpty());

		await().atMost(Duration.ofSeconds(20)).until(sending::isDone);
		sending.get();
		assertThat(this.stalled).as("one connection for the whole batch").hasSize(1);
		assertThat(recipients).allSatisfy(r -> {
			assertThat(status(r)).isEqualTo("PENDING");
			assertThat(lastError(r)).contains("MailSendException").doesNotContain(r).doesNotContain("@");
		});

		JavaMailSender working = sender(this.greenMail.getSmtp().getPort());
		dispatcher(working, T.plusSeconds(31)).dispatchDue();
		dispatcher(working, T.plusSeconds(3600)).dispatchDue();
		assertThat(recipients).allSatisfy(r -> {
			assertThat(new Mailbox(this.greenMail).to(r)).as("exactly once").hasSize(1);
			assertThat(status(r)).isEqualTo("SENT");
		});
	}

	@Test
	void aMailWhoseRecipientCannotBeDecryptedFailsAloneAndTheRestOfTheBatchIsSent() {
		Instant at = T.plus(Duration.ofDays(30));
		String lost = recipient("lost");
		List<String> readable = List.of(recipient("one"), recipient("two"));
		readable.forEach(r -> record(r, at));
		record(lost, at);
		CommenterPrivacy gone = TestPrivacy.with(java.util.Map.of("gone1", "YS1rZXktdGhhdC1pcy1uby1sb25nZXItc2V0LSEhISE="),
				"gone1", "n221HCTkJjN25mNTVsSdPR0GpwBTZt6HZAKTJUqU4qA=");
		this.jdbc.sql("update notification set recipient_key_id = 'gone1', recipient_ciphertext = ? where dedup_key = ?")
			.params(gone.encrypt(lost).ciphertext(), key(lost))
			.update();
		startGreenMail();

		dispatcher(sender(this.greenMail.getSmtp().getPort()), at).dispatchDue();

		assertThat(readable).allSatisfy(r -> {
			assertThat(new Mailbox(this.greenMail).to(r)).hasSize(1);
			assertThat(status(r)).isEqualTo("SENT");
		});
		assertThat(status(lost)).isEqualTo("FAILED");
		assertThat(lastError(lost)).contains("gone1").doesNotContain("@");
	}

	private String recipient(String name) {
		return "stall-" + name + "-" + this.run + "@blog.example";
	}

	private String key(String recipient) {
		return "stall-" + this.run + ":" + recipient;
	}

	private void record(String recipient, Instant at) {
		assertThat(this.notifications.recordOnce(key(recipient), "test", null,
				new Mail(recipient, "Stalled", "plain", "<p>html</p>"), at)).isTrue();
	}

	private int stallingServer() throws IOException {
		this.stallingServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(() -> {
			try {
				while (true) {
					this.stalled.add(this.stallingServer.accept()); // and never write a byte
				}
			}
			catch (IOException closed) {
				// the test is over
			}
		}, "stalling-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
		return this.stallingServer.getLocalPort();
	}

	private void startGreenMail() {
		this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.greenMail.start();
	}

	/** A sender with the application's mail settings, its timeouts scaled down to keep the test short. */
	private JavaMailSender sender(int port) {
		Properties properties = new Properties();
		properties.putAll(((JavaMailSenderImpl) this.applicationSender).getJavaMailProperties());
		properties.put("mail.smtp.connectiontimeout", "1000");
		properties.put("mail.smtp.timeout", "8000"); // long enough to see the stall from outside on a busy machine
		properties.put("mail.smtp.writetimeout", "1000");
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private MailDispatcher dispatcher(JavaMailSender sender, Instant now) {
		// a configured lease (5 s) shorter than the batch can take: the dispatcher must lengthen it
		NotificationSettings settings = NotificationSettings.sending("Moderato <moderato@localhost>", 10, 3,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5));
		return new MailDispatcher(this.notifications, sender, settings, Clock.fixed(now, ZoneOffset.UTC), this.meters);
	}

	private String status(String recipient) {
		return this.jdbc.sql("select status from notification where dedup_key = ?").param(key(recipient))
			.query(String.class).single();
	}

	private Instant nextAttempt(String recipient) {
		return this.jdbc.sql("select next_attempt_at from notification where dedup_key = ?").param(key(recipient))
			.query(Timestamp.class).single().toInstant();
	}

	private String lastError(String recipient) {
		return this.jdbc.sql("select last_error from notification where dedup_key = ?").param(key(recipient))
			.query(String.class).single();
	}

}
