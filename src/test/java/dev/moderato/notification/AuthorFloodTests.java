package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of comments on one author's post: beyond {@code author-mails-per-hour} single mails in a clock hour, the
 * rest of the hour's mails come as one digest when the hour is over. Runs the author notifications on a clock in
 * 2030, so the application's own jobs never touch these mails.
 */
@IntegrationTest
class AuthorFloodTests {

	static final Instant TEN_FIFTEEN = Instant.parse("2030-02-04T10:15:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Posts posts;

	@Autowired
	MailComposer composer;

	@Autowired
	NotificationLog notifications;

	@Autowired
	ActionLinks links;

	@Autowired
	AuthorPreferences preferences;

	@Autowired
	NotificationLinks mailLinks;

	@Autowired
	Digests digests;

	@Autowired
	AuthorMailCount counts;

	@Autowired
	NotificationSettings settings;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	String postId;

	String author;

	@BeforeEach
	void post() {
		this.postId = "flood-" + UUID.randomUUID().toString().substring(0, 8);
		this.author = "author-" + this.postId + "@blog.example";
		new Api(this.port, this.json).registerPost(this.postId, "Flooded post", "Flo", this.author);
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("delete from notification where recipient_hash = ?").param(hash()).update();
	}

	@Test
	void beyondTheHourlyLimitAnAuthorGetsTheRestOfTheHourAsOneDigest() {
		AuthorNotifications authors = authors(TEN_FIFTEEN, 3);
		for (int i = 1; i <= 7; i++) {
			authors.on(held("Flood comment number " + i));
		}

		assertThat(singleMails()).as("the allowance").isEqualTo(3);
		this.digests.sendDue(Instant.parse("2030-02-04T10:59:59Z"));
		assertThat(digestBodies()).as("the hour is not over").isEmpty();
		this.digests.sendDue(Instant.parse("2030-02-04T11:00:00Z"));
		assertThat(digestBodies()).singleElement().satisfies(digest -> assertThat(digest)
			.contains("Flood comment number 4", "Flood comment number 7")
			.doesNotContain("Flood comment number 3"));

		authors(TEN_FIFTEEN.plusSeconds(3600), 3).on(held("Next hour's comment"));
		assertThat(singleMails()).as("a new hour, a new allowance").isEqualTo(4);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aFloodOverTheLimitIsLoggedOnceAnHourNotOncePerComment(CapturedOutput output) {
		AuthorNotifications authors = authors(TEN_FIFTEEN.plusSeconds(4 * 3600), 1);
		for (int i = 1; i <= 6; i++) {
			authors.on(held("Logged flood comment " + i));
		}

		assertThat(output.getOut().split("over the hourly mail limit", -1)).as("one INFO line for five digest entries")
			.hasSize(2);
		assertThat(this.jdbc.sql("select count(*) from digest_entry where recipient_hash = ? and text like 'Logged flood%'")
			.param(hash())
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void aRedeliveredVerdictIsNeitherMailedTwiceNorCounted() {
		AuthorNotifications authors = authors(TEN_FIFTEEN.plusSeconds(7200), 1);
		CommentModerated verdict = held("Delivered twice");
		authors.on(verdict);
		authors.on(verdict);

		assertThat(singleMails()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from digest_entry where event_id = ?").param(verdict.eventId())
			.query(Integer.class).single()).isZero();
	}

	private AuthorNotifications authors(Instant now, int limit) {
		return new AuthorNotifications(this.posts, this.composer, this.notifications, this.links, this.preferences,
				this.mailLinks, this.digests, this.counts, this.settings.withAuthorMailsPerHour(limit),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private CommentModerated held(String text) {
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), this.postId, null,
				"held", "pending", 0.4, List.of("first comment from this commenter"), "engine", "engine", "Bot", null, text,
				TEN_FIFTEEN);
	}

	private String hash() {
		return this.privacy.hash(this.author).value();
	}

	private int singleMails() {
		return this.jdbc.sql("select count(*) from notification where recipient_hash = ? and kind = 'comment-held'")
			.param(hash()).query(Integer.class).single();
	}

	private List<String> digestBodies() {
		return this.jdbc.sql("select body_text from notification where recipient_hash = ? and kind = 'digest'")
			.param(hash()).query(String.class).list();
	}

}
