package dev.moderato.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comments;
import dev.moderato.Mailbox;
import dev.moderato.Moderators;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hourly and daily digests: an author who chose one gets no single mails, and one digest per period once the period
 * is over. The job is run at chosen instants (verdicts are dated in 2030, so the application's own job, on the real
 * clock, never touches them); nothing sleeps.
 */
@IntegrationTest
class DigestTests {

	static final Instant TEN_FIFTEEN = Instant.parse("2030-01-07T10:15:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Autowired
	AuthorNotifications authors;

	@Autowired
	Digests digests;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Comments comments;

	String postId;

	String author;

	Moderators admin;

	@BeforeEach
	void setUp() {
		this.postId = "digest-" + UUID.randomUUID().toString().substring(0, 8);
		this.author = "author-" + this.postId + "@blog.example";
		new Api(this.port, this.json).registerPost(this.postId, "Digest post", "Di", this.author);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
	}

	@Test
	void hourlyAuthorGetsOneDigestWhenTheHourIsOverAndNothingBefore() {
		choose(Map.of("authorEmail", this.author, "delivery", "hourly"));
		this.authors.on(verdict("approved", "Ann", "First of the hour", TEN_FIFTEEN));
		this.authors.on(verdict("held", "Bob", "Second, held", TEN_FIFTEEN.plusSeconds(1800)));
		this.authors.on(verdict("approved", "Cy", "In the next hour", TEN_FIFTEEN.plusSeconds(3000)));
		assertThat(singleMails()).as("no single mails for a digest reader").isZero();

		this.digests.sendDue(Instant.parse("2030-01-07T10:59:59Z"));
		assertThat(digestsRecorded()).as("the hour is not over").isZero();

		this.digests.sendDue(Instant.parse("2030-01-07T11:00:00Z"));
		this.digests.sendDue(Instant.parse("2030-01-07T11:00:30Z"));
		assertThat(digestsRecorded()).isEqualTo(1);

		this.digests.sendDue(Instant.parse("2030-01-07T12:00:00Z"));
		assertThat(digestsRecorded()).as("the next hour's digest").isEqualTo(2);
		List<String> digests = await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> m.size() == 2)
			.stream().map(Mailbox::text).toList();
		assertThat(digests.get(0) + digests.get(1)).contains("First of the hour", "Second, held", "In the next hour");
		assertThat(digests).filteredOn(d -> d.contains("First of the hour")).singleElement().satisfies(d -> assertThat(d)
			.contains("Second, held", "Awaiting review", "/notifications/preferences/").doesNotContain("In the next hour"));
	}

	@Test
	void dailyDigestCoversTheDayInTheConfiguredZoneAndARerunSendsNothingTwice() {
		choose(Map.of("authorEmail", this.author, "delivery", "daily"));
		this.authors.on(verdict("approved", "Ann", "Morning", Instant.parse("2030-01-08T06:00:00Z")));
		this.authors.on(verdict("approved", "Bob", "Late evening", Instant.parse("2030-01-08T23:59:00Z")));

		this.digests.sendDue(Instant.parse("2030-01-08T23:59:59Z"));
		assertThat(digestsRecorded()).isZero();
		this.digests.sendDue(Instant.parse("2030-01-09T00:00:00Z"));
		this.digests.sendDue(Instant.parse("2030-01-09T00:01:00Z"));
		this.digests.sendDue(Instant.parse("2030-01-10T00:00:00Z"));
		assertThat(digestsRecorded()).isEqualTo(1);
		String digest = Mailbox.text(await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> m.size() == 1)
			.get(0));
		assertThat(digest).contains("Morning", "Late evening");
	}

	@Test
	void aVerdictArrivingAfterItsHourWasDigestedGoesIntoTheNextDigest() {
		choose(Map.of("authorEmail", this.author, "delivery", "hourly"));
		this.authors.on(verdict("approved", "Ann", "On time", TEN_FIFTEEN));
		this.digests.sendDue(Instant.parse("2030-01-07T11:00:00Z"));
		assertThat(digestsRecorded()).isEqualTo(1);

		// dated 10:50, but delivered (lag, an outage) after the 11:00 digest went out
		this.authors.on(verdict("held", "Bob", "Late across the hour", Instant.parse("2030-01-07T10:50:00Z")));
		this.digests.sendDue(Instant.parse("2030-01-07T11:00:30Z"));
		assertThat(digestsRecorded()).as("not sent at once: it waits for the next digest").isEqualTo(1);
		this.digests.sendDue(Instant.parse("2030-01-07T11:59:59Z"));
		assertThat(digestsRecorded()).isEqualTo(1);

		this.digests.sendDue(Instant.parse("2030-01-07T12:00:00Z"));
		assertThat(digestsRecorded()).isEqualTo(2);
		List<String> digests = await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> m.size() == 2)
			.stream().map(Mailbox::text).toList();
		assertThat(digests).filteredOn(d -> d.contains("Late across the hour")).singleElement()
			.satisfies(d -> assertThat(d).doesNotContain("On time"));
	}

	@Test
	void aKindSwitchedOffIsLeftOutOfTheDigest() {
		choose(Map.of("authorEmail", this.author, "delivery", "hourly", "held", false));
		this.authors.on(verdict("held", "Bob", "Held and unwanted", TEN_FIFTEEN));
		this.authors.on(verdict("approved", "Ann", "Published and wanted", TEN_FIFTEEN));
		this.digests.sendDue(Instant.parse("2030-01-07T11:00:00Z"));
		String digest = Mailbox.text(await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> m.size() == 1)
			.get(0));
		assertThat(digest).contains("Published and wanted").doesNotContain("Held and unwanted");
	}

	@Test
	void periodsEndAtTheNextFullHourOrTheNextLocalMidnight() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		assertThat(Delivery.HOURLY.periodEnd(Instant.parse("2030-03-31T00:59:59Z"), berlin))
			.isEqualTo(Instant.parse("2030-03-31T01:00:00Z"));
		assertThat(Delivery.DAILY.periodEnd(Instant.parse("2030-01-08T23:30:00Z"), berlin))
			.as("already the 9th in Berlin").isEqualTo(Instant.parse("2030-01-09T23:00:00Z"));
		assertThat(Delivery.DAILY.periodEnd(Instant.parse("2030-03-31T12:00:00Z"), berlin))
			.as("the day the clocks go forward").isEqualTo(Instant.parse("2030-03-31T22:00:00Z"));
	}

	@Test
	void anAuthorWhoChoseAnHourlyDigestGetsNoSingleMailWhenAModeratorPublishesAComment() {
		choose(Map.of("authorEmail", this.author, "delivery", "hourly"));
		String id = new CommentFixtures(this.comments, this.privacy)
			.heldComment(this.postId, "Dee", "dee@mail.example", "Through the whole pipeline.").id().toString();
		this.admin.act(id, "approve");
		Instant periodEnd = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select period_end from digest_entry where comment_id = ?")
				.param(UUID.fromString(id)).query(java.sql.Timestamp.class).optional(), java.util.Optional::isPresent)
			.get().toInstant();
		assertThat(singleMails()).isZero();

		this.digests.sendDue(periodEnd);

		assertThat(Mailbox.text(await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> m.size() == 1)
			.get(0))).contains("Through the whole pipeline.");
	}

	private void choose(Map<String, Object> preference) {
		assertThat(this.admin.put("/api/v1/notifications/authors/preferences", preference).getStatusCode().value())
			.isEqualTo(200);
	}

	private CommentModerated verdict(String status, String name, String text, Instant at) {
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), this.postId, null,
				status, "pending", 0.1, List.of("first comment from this commenter"), "engine", "engine", name, null, text,
				at);
	}

	private int digestsRecorded() {
		return this.jdbc.sql("select count(*) from notification where dedup_key like ?")
			.param("digest:" + this.privacy.hash(this.author) + ":%").query(Integer.class).single();
	}

	private int singleMails() {
		return this.jdbc.sql("select count(*) from notification where recipient_hash = ? and kind <> 'digest'")
			.param(this.privacy.hash(this.author).value()).query(Integer.class).single();
	}

}
