package dev.moderato.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.Moderators;
import dev.moderato.moderation.CommentModerated;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Why it was held" in the author's mails, single and digest, reads as the rule that held the comment: a comment held
 * only as a first comment does not show the text model's low score as a reason.
 */
@IntegrationTest
class HeldMailReasonsTests {

	private static final String IN_WORDS = "first comment from this commenter: a first comment waits for a moderator";

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

	String postId;

	String author;

	@BeforeEach
	void setUp() {
		this.postId = "why-" + UUID.randomUUID().toString().substring(0, 8);
		this.author = "author-" + this.postId + "@blog.example";
		new Api(this.port, this.json).registerPost(this.postId, "Why post", "Wy", this.author);
	}

	@Test
	void theHeldMailNamesTheFirstCommentHoldAndNotTheTextModelsLowScore() {
		this.authors.on(heldAsFirstComment("Ann", "Held only because it is her first", Instant.now()));

		MimeMessage mail = await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> !m.isEmpty())
			.get(0);

		assertThat(lines(Mailbox.text(mail))).contains("Why it was held:\n- " + IN_WORDS + "\n").doesNotContain("classifier");
		// the HTML part is quoted-printable: long lines are cut, so look for the start of the item
		assertThat(Mailbox.raw(mail)).contains("<li>first comment from this commenter: a first").doesNotContain("classifier");
	}

	@Test
	void theDigestNamesTheFirstCommentHoldAndNotTheTextModelsLowScore() {
		Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD)
			.put("/api/v1/notifications/authors/preferences", Map.of("authorEmail", this.author, "delivery", "hourly"));
		this.authors.on(heldAsFirstComment("Bob", "Held in a digest", Instant.parse("2031-03-03T10:15:00Z")));

		this.digests.sendDue(Instant.parse("2031-03-03T11:00:00Z"));

		MimeMessage digest = await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(this.author), m -> !m.isEmpty())
			.get(0);
		assertThat(lines(Mailbox.text(digest))).contains("Why it was held: " + IN_WORDS + "\n").doesNotContain("classifier");
	}

	/** Mail text has CRLF line ends. */
	private static String lines(String text) {
		return text.replace("\r\n", "\n");
	}

	private CommentModerated heldAsFirstComment(String name, String text, Instant at) {
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), this.postId, null,
				"held", "pending", 0.1, List.of("classifier 0.10", "first comment from this commenter"), "engine", "engine",
				name, null, text, at);
	}

}
