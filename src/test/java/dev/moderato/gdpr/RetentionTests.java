package dev.moderato.gdpr;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention against the real database, with a fixed clock in the past so that only this test's comments are old
 * enough to be touched.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RetentionTests {

	static final GdprSettings SETTINGS = new GdprSettings(Duration.ofDays(30), Duration.ofDays(30), Duration.ofHours(24),
			Duration.ofHours(1), 500, "Moderato <moderato@localhost>");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	PrivacyRequests requests;

	StoredComments stored;

	@BeforeEach
	void post() {
		new Api(this.port, this.json).registerPost("retention-post", "Old times", "Olga", "olga@blog.example");
		this.stored = new StoredComments(this.comments, this.privacy);
	}

	@AfterEach
	void cleanUp() {
		this.stored.deleteAll();
	}

	@Test
	void dropsIpPrefixAndHashOfCommentsOlderThanTheRetentionOnly(CapturedOutput output) {
		Instant now = Instant.parse("2003-03-01T00:00:00Z");
		Comment old = this.stored.approved("retention-post", "ip-old@example.org", now.minus(Duration.ofDays(31)));
		Comment recent = this.stored.approved("retention-post", "ip-recent@example.org", now.minus(Duration.ofDays(29)));

		Retention.Outcome outcome = retention(now).run();

		assertThat(outcome.ipAddressesForgotten()).isGreaterThanOrEqualTo(1);
		Comment oldNow = this.comments.find(old.id()).orElseThrow();
		assertThat(oldNow.ipPrefix()).isNull();
		assertThat(oldNow.ipHash()).isNull();
		assertThat(oldNow.author().name()).as("nothing else changes").isEqualTo("Sam");
		Comment recentNow = this.comments.find(recent.id()).orElseThrow();
		assertThat(recentNow.ipPrefix()).isEqualTo("198.51.100.0/24");
		assertThat(recentNow.ipHash()).isNotNull();
		assertThat(output.getAll()).contains("Retention: IP data dropped from");
	}

	@Test
	void purgesOnlyHeldAndSpamCommentsUnchangedForLongerThanTheRetention(CapturedOutput output) {
		Instant now = Instant.parse("2005-03-01T00:00:00Z");
		Instant old = now.minus(Duration.ofDays(45));
		Instant recent = now.minus(Duration.ofDays(5));
		Comment oldHeld = this.stored.held("retention-post", "purge@example.org", old);
		Comment oldSpam = this.stored.spam("retention-post", "purge@example.org", old);
		Comment oldApproved = this.stored.approved("retention-post", "purge@example.org", old);
		Comment oldRejected = this.stored.rejected("retention-post", "purge@example.org", old, old);
		Comment recentHeld = this.stored.held("retention-post", "purge@example.org", recent);
		Comment recentSpam = this.stored.spam("retention-post", "purge@example.org", recent);
		Comment markedSpamRecently = this.stored.markedSpam("retention-post", "purge@example.org", old, recent);
		Comment replyToOldHeld = this.stored.approvedReply(oldHeld, "other@example.org", old);

		Retention.Outcome outcome = retention(now).run();

		assertThat(outcome.heldPurged()).isGreaterThanOrEqualTo(1);
		assertThat(outcome.spamPurged()).isGreaterThanOrEqualTo(1);
		assertThat(this.comments.find(oldHeld.id())).isEmpty();
		assertThat(this.comments.find(oldSpam.id())).isEmpty();
		for (Comment kept : new Comment[] { oldApproved, oldRejected, recentHeld, recentSpam, markedSpamRecently }) {
			assertThat(this.comments.find(kept.id())).as("%s is kept", kept).isPresent();
		}
		Comment reply = this.comments.find(replyToOldHeld.id()).orElseThrow();
		assertThat(reply.parentId()).as("a reply outlives its purged parent, without it").isNull();
		assertThat(output.getAll()).containsPattern("purged \\d+ held and \\d+ spam comments");
	}

	private Retention retention(Instant now) {
		return new Retention(this.comments, this.requests, SETTINGS, new IpRetention(SETTINGS), Clock.fixed(now, ZoneOffset.UTC));
	}

}
