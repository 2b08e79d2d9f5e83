package dev.moderato.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comments;
import dev.moderato.Mailbox;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One-click unsubscribe: the header and the link, per thread, per kind or everything; opening the link changes
 * nothing; honoured at once, even for mails recorded before. Mails recorded here are dated a day ahead and sent by a
 * dispatcher on that clock, so the application's own dispatcher leaves them alone.
 */
@IntegrationTest
class UnsubscribeTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Autowired
	NotificationLinks links;

	@Autowired
	NotificationLog notifications;

	@Autowired
	AuthorPreferences preferences;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JavaMailSender greenMailSender;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Comments comments;

	NotificationScenario scenario;

	String postId;

	String author;

	final Instant tomorrow = Instant.now().plus(Duration.ofDays(1));

	@BeforeEach
	void setUp() {
		this.scenario = new NotificationScenario(this.port, this.json, this.greenMail);
		this.postId = "unsub-" + UUID.randomUUID().toString().substring(0, 8);
		this.author = "author-" + this.postId + "@blog.example";
		this.scenario.api.registerPost(this.postId, "Unsubscribing", "Uma", this.author);
	}

	@Test
	void theAuthorsMailCarriesOneClickHeadersAndAPostToThemSwitchesThatKindOff() {
		String id = new CommentFixtures(this.comments, this.privacy)
			.heldComment(this.postId, "Newcomer", "new-" + this.postId + "@mail.example", "Published by a moderator")
			.id().toString();
		this.scenario.act(id, "approve");
		MimeMessage held = this.scenario.awaitMails(this.author, 1).get(0);
		String header = NotificationScenario.header(held, "List-Unsubscribe");
		assertThat(header).startsWith("<http").endsWith(">").contains("/notifications/unsubscribe/");
		assertThat(NotificationScenario.header(held, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(Mailbox.text(held)).contains("/notifications/preferences/", "Stop these mails", "Stop all mail");
		String oneClick = NotificationScenario.path(header);

		ResponseEntity<String> page = this.scenario.get(oneClick);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("mails about new comments on your posts", "List-Unsubscribe");
		assertThat(this.preferences.of(authorHash()).newComment()).as("opening the link changes nothing").isTrue();

		ResponseEntity<String> done = this.scenario.oneClick(oneClick);
		assertThat(done.getStatusCode().value()).isEqualTo(200);
		assertThat(this.preferences.of(authorHash())).isEqualTo(new AuthorPreference(Delivery.IMMEDIATE, false, true, false));
		assertThat(this.scenario.oneClick(oneClick).getStatusCode().value()).as("twice changes nothing").isEqualTo(200);
	}

	@Test
	void mailsRecordedBeforeUnsubscribingFromEverythingAreNotSent() {
		String recipient = "everything-" + this.postId + "@mail.example";
		record(recipient, "first", "thread:" + UUID.randomUUID());
		record(recipient, "second", null);
		double suppressedBefore = this.meters.counter("moderato.notifications", "outcome", "suppressed").count();

		String all = NotificationScenario.path(this.links.unsubscribe(this.privacy.hash(recipient), OptOuts.ALL));
		assertThat(this.scenario.oneClick(all).getBody()).contains("every mail from Moderato");
		dispatch();

		assertThat(this.scenario.mailbox.to(recipient)).isEmpty();
		assertThat(statuses(recipient)).containsOnly("SUPPRESSED").hasSize(2);
		assertThat(this.meters.counter("moderato.notifications", "outcome", "suppressed").count())
			.isEqualTo(suppressedBefore + 2);
	}

	@Test
	void aThreadUnsubscribeStopsThatThreadOnly() {
		String recipient = "thread-" + this.postId + "@mail.example";
		String stopped = "thread:" + UUID.randomUUID();
		record(recipient, "stopped", stopped);
		record(recipient, "kept", "thread:" + UUID.randomUUID());

		this.scenario.oneClick(NotificationScenario.path(this.links.unsubscribe(this.privacy.hash(recipient), stopped)));
		dispatch();

		assertThat(this.scenario.mailbox.to(recipient)).singleElement()
			.satisfies(m -> assertThat(m.getSubject()).isEqualTo("kept"));
	}

	@Test
	void aTamperedOrForeignLinkUnsubscribesNobody() {
		EmailHash someone = this.privacy.hash("someone-" + this.postId + "@mail.example");
		String good = NotificationScenario.path(this.links.unsubscribe(someone, OptOuts.ALL));
		String preferences = NotificationScenario.path(this.links.preferences(someone));
		String forged = good.substring(0, good.lastIndexOf('.')) + preferences.substring(preferences.lastIndexOf('.'));

		for (String bad : new String[] { forged, good + "x", "/notifications/unsubscribe/nonsense",
				preferences.replace("/preferences/", "/unsubscribe/") }) {
			assertThat(this.scenario.oneClick(bad).getStatusCode().value()).as(bad).isEqualTo(400);
		}
		assertThat(this.jdbc.sql("select count(*) from notification_optout where recipient_hash = ?")
			.param(someone.value()).query(Integer.class).single()).isZero();
	}

	private EmailHash authorHash() {
		return this.privacy.hash(this.author);
	}

	private void record(String recipient, String subject, String scope) {
		String unsubscribe = this.links.unsubscribe(this.privacy.hash(recipient), OptOuts.ALL);
		this.notifications.recordOnce("test:" + UUID.randomUUID(), "test", null,
				new Mail(recipient, subject, "plain", "<p>html</p>", unsubscribe), scope, this.tomorrow);
	}

	private void dispatch() {
		NotificationSettings settings = NotificationSettings.sending("Moderato <moderato@localhost>", 50, 3,
				Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(2));
		new MailDispatcher(this.notifications, this.greenMailSender, settings,
				Clock.fixed(this.tomorrow.plusSeconds(1), ZoneOffset.UTC), this.meters).dispatchDue();
	}

	private java.util.List<String> statuses(String recipient) {
		return this.jdbc.sql("select status from notification where recipient_hash = ?")
			.param(this.privacy.hash(recipient).value()).query(String.class).list();
	}

}
