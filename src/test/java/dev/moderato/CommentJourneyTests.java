package dev.moderato;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One comment at a time, from the blog's form to the author's inbox, over real HTTP, Kafka, PostgreSQL and SMTP.
 */
@IntegrationTest
class CommentJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	Api api;

	Topics topics;

	Mailbox mailbox;

	CommentFixtures fixtures;

	String postId;

	String authorEmail;

	@BeforeEach
	void registerPost() {
		this.api = new Api(this.port, this.json);
		this.topics = new Topics(this.consumers);
		this.mailbox = new Mailbox(this.greenMail);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.postId = "journey-" + UUID.randomUUID().toString().substring(0, 8);
		this.authorEmail = "author-" + this.postId + "@blog.example";
		assertThat(this.api.registerPost(this.postId, "On slow bread", "Bea Baker", this.authorEmail).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void firstCommentTravelsFromTheFormToTheAuthorsInboxAsHeldForReview() throws Exception {
		String commenterEmail = "cleo-" + this.postId + "@mail.example";
		ResponseEntity<String> accepted = this.api.submit(this.postId, Map.of("authorName", "Cleo", "authorEmail",
				commenterEmail, "text", "Lovely loaf. What flour do you use?"));

		// 202 only after Kafka acknowledged
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode body = this.api.json(accepted);
		String id = body.get("id").asString();
		assertThat(body.get("status").asString()).isEqualTo("pending");
		assertThat(accepted.getHeaders().getLocation()).hasToString("/api/v1/comments/" + id);

		// on comments.submitted, keyed by post, with the email encrypted and hashed, never in plain text
		List<ConsumerRecord<String, String>> submitted = this.topics.mentioning("comments.submitted", id);
		assertThat(submitted).hasSize(1);
		assertThat(submitted.get(0).key()).isEqualTo(this.postId);
		JsonNode record = this.json.readTree(submitted.get(0).value());
		assertThat(record.get("version").asInt()).isEqualTo(1);
		assertThat(record.get("emailHash").asString()).isEqualTo(this.privacy.hash(commenterEmail).value());
		assertThat(record.get("email").get("keyId").asString()).isEqualTo("dev1");
		assertThat(submitted.get(0).value()).doesNotContainIgnoringCase(commenterEmail);

		// stored with its verdict and reasons
		Comment stored = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.comments.find(CommentId.parse(id).orElseThrow()).orElse(null), c -> c != null);
		assertThat(stored.status()).isEqualTo(CommentStatus.HELD);
		assertThat(stored.reasons()).contains("first comment from this commenter");
		assertThat(this.privacy.decrypt(stored.author().email())).isEqualTo(commenterEmail);

		// the verdict is announced on comments.moderated
		List<ConsumerRecord<String, String>> moderated = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.topics.mentioning("comments.moderated", id), r -> !r.isEmpty());
		JsonNode verdict = this.json.readTree(moderated.get(0).value());
		assertThat(verdict.get("status").asString()).isEqualTo("held");
		assertThat(verdict.get("previousStatus").asString()).isEqualTo("pending");
		assertThat(moderated.get(0).key()).isEqualTo(this.postId);

		// one mail to the author, with the name and text, never the commenter's email
		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mailbox.to(this.authorEmail), m -> !m.isEmpty());
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject()).isEqualTo("Comment awaiting review on \"On slow bread\"");
		assertThat(Mailbox.text(mail)).contains("Cleo", "Lovely loaf. What flour do you use?", "first comment from this commenter");
		assertThat(Mailbox.raw(mail)).doesNotContainIgnoringCase(commenterEmail);
		assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
		assertThat(mail.getReplyTo()[0].toString()).doesNotContain(commenterEmail);

		// held comments are not public, but their status is
		assertThat(this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments")).get("count").asInt()).isZero();
		assertThat(this.api.json(this.api.get("/api/v1/comments/" + id)).get("status").asString()).isEqualTo("held");
	}

	@Test
	void returningCommentersCommentIsPublishedAndTheAuthorHearsOfIt() {
		String email = "dan-" + this.postId + "@mail.example";
		this.fixtures.approvedComment(this.postId, "Dan", email, "An earlier comment.");

		String id = this.api.json(this.api.submit(this.postId, Map.of("authorName", "Dan", "authorEmail", email,
				"authorUrl", "https://dan.example/", "text", "Thanks! Rye works <b>too</b>, I baked one yesterday.")))
			.get("id").asString();

		JsonNode thread = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments")),
					t -> t.get("count").asInt() == 2);
		JsonNode published = thread.get("comments").get(1);
		assertThat(published.get("id").asString()).isEqualTo(id);
		assertThat(published.get("authorName").asString()).isEqualTo("Dan");
		assertThat(published.get("authorUrl").asString()).isEqualTo("https://dan.example/");
		assertThat(published.get("text").asString()).isEqualTo("Thanks! Rye works <b>too</b>, I baked one yesterday.");
		assertThat(published.get("html").asString())
			.isEqualTo("<p>Thanks! Rye works &lt;b&gt;too&lt;/b&gt;, I baked one yesterday.</p>");
		assertThat(this.api.json(this.api.get("/api/v1/comments/" + id)).get("status").asString()).isEqualTo("approved");

		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.mailbox.to(this.authorEmail), m -> !m.isEmpty());
		assertThat(mails).hasSize(1);
		assertThat(subject(mails.get(0))).isEqualTo("New comment on \"On slow bread\"");
		assertThat(Mailbox.text(mails.get(0))).contains("Dan commented", "Rye works <b>too</b>");
		assertThat(Mailbox.raw(mails.get(0))).doesNotContain(email);
	}

	@Test
	void commentWithThreeLinksIsHeldWithThatReason() {
		String email = "eve-" + this.postId + "@mail.example";
		this.fixtures.approvedComment(this.postId, "Eve", email, "Hi.");

		String id = this.api.json(this.api.submit(this.postId, Map.of("authorName", "Eve", "authorEmail", email, "text",
				"Good sources for this: the docs at https://docs.example.org, the FAQ at https://faq.example.org and the forum at https://forum.example.org.")))
			.get("id").asString();

		Comment stored = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.comments.find(CommentId.parse(id).orElseThrow()).orElse(null), c -> c != null);
		assertThat(stored.status()).isEqualTo(CommentStatus.HELD);
		assertThat(stored.reasons()).contains("3 links");
	}

	@Test
	void aFilledHoneypotOrAnInstantSubmissionHoldsTheComment() {
		String email = "bot-" + this.postId + "@mail.example";
		this.fixtures.approvedComment(this.postId, "Bot", email, "Earlier.");

		String honeypot = this.api.json(this.api.submit(this.postId, Map.of("authorName", "Bot", "authorEmail", email,
				"text", "Nice post about bread.", "honeypot", "http://spam.example")))
			.get("id").asString();
		String instant = this.api.json(this.api.submit(this.postId, Map.of("authorName", "Bot", "authorEmail", email,
				"text", "Nice post about baking bread at home.", "timeToSubmitMs", 400)))
			.get("id").asString();

		for (String id : new String[] { honeypot, instant }) {
			Comment stored = await().atMost(Duration.ofSeconds(20))
				.until(() -> this.comments.find(CommentId.parse(id).orElseThrow()).orElse(null), c -> c != null);
			assertThat(stored.status()).isIn(CommentStatus.HELD, CommentStatus.SPAM);
		}
		assertThat(this.comments.find(CommentId.parse(honeypot).orElseThrow()).orElseThrow().reasons())
			.anyMatch(r -> r.contains("bot trap"));
		assertThat(this.comments.find(CommentId.parse(instant).orElseThrow()).orElseThrow().reasons())
			.anyMatch(r -> r.contains("submitted"));
	}

	@Test
	void replyIsNestedUnderItsParentInThePublicThread() {
		Comment parent = this.fixtures.approvedComment(this.postId, "Fay", "fay-" + this.postId + "@mail.example", "Question?");
		String email = "gus-" + this.postId + "@mail.example";
		this.fixtures.approvedComment(this.postId, "Gus", email, "Earlier.");

		String id = this.api.json(this.api.submit(this.postId, Map.of("authorName", "Gus", "authorEmail", email, "text",
				"Answer!", "parentId", parent.id().toString())))
			.get("id").asString();

		JsonNode thread = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments")),
					t -> t.get("count").asInt() == 3);
		JsonNode first = thread.get("comments").get(0);
		assertThat(first.get("id").asString()).isEqualTo(parent.id().toString());
		assertThat(first.get("replies")).hasSize(1);
		assertThat(first.get("replies").get(0).get("id").asString()).isEqualTo(id);
		assertThat(first.get("replies").get(0).get("parentId").asString()).isEqualTo(parent.id().toString());
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
