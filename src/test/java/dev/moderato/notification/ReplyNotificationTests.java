package dev.moderato.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.Mailbox;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reply notifications: double opt-in first, then a mail for each reply when it is first approved, never before,
 * never for a held, spam or own reply. Comments are stored as fixtures (intake's per-network limits stay untouched)
 * and decided by a moderator, so every verdict travels through Kafka.
 */
@IntegrationTest
class ReplyNotificationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	NotificationLinks links;

	@Autowired
	ReplyNotifications replies;

	@Autowired
	ReplySubscriptions subscriptions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Comments comments;

	CommentFixtures fixtures;

	NotificationScenario scenario;

	String postId;

	String ann;

	@BeforeEach
	void setUp() {
		this.scenario = new NotificationScenario(this.port, this.json, this.greenMail);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.postId = "replies-" + UUID.randomUUID().toString().substring(0, 8);
		this.ann = "ann-" + this.postId + "@mail.example";
		this.scenario.api.registerPost(this.postId, "Sourdough", "Bea", "bea-" + this.postId + "@blog.example");
	}

	@Test
	void aConfirmedCommenterGetsOneMailPerApprovedReplyAndNeverBeforeApproval() throws Exception {
		String parent = publishedAskingForReplies("Ann", this.ann, "How long do you proof?");
		confirm(this.ann);

		String bob = "bob-" + this.postId + "@mail.example";
		String reply = heldReply(parent, "Bob", bob, "Overnight, in the fridge.");
		this.replies.on(verdict(reply, "held"));
		assertThat(replyMailsRecorded(reply)).as("nothing while the reply is held").isZero();

		this.scenario.act(reply, "approve");
		MimeMessage mail = awaitReplyMail(reply);
		assertThat(mail.getSubject()).isEqualTo("New reply to your comment on \"Sourdough\"");
		assertThat(Mailbox.text(mail)).contains("Bob replied to your comment", "Overnight, in the fridge.",
				"How long do you proof?", "#comment-" + reply).doesNotContain(bob);
		assertThat(NotificationScenario.header(mail, "List-Unsubscribe")).matches("<http.*/notifications/unsubscribe/.+>");
		assertThat(NotificationScenario.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

		this.scenario.act(reply, "reject");
		this.scenario.act(reply, "approve");
		String later = publishedReply(parent, "Bea", "bea-" + this.postId + "@blog.example", "Same here");
		awaitReplyMail(later);
		assertThat(replyMailsRecorded(reply)).as("only the first approval").isEqualTo(1);
		assertThat(this.scenario.mailbox.to(this.ann).stream().filter(m -> Mailbox.text(m).contains("Overnight"))).hasSize(1);
	}

	@Test
	void noMailForASpamReplyOrForOnesOwnReply() {
		String parent = publishedAskingForReplies("Ann", this.ann, "Rye or wheat?");
		confirm(this.ann);

		String spam = heldReply(parent, "Sam", "sam-" + this.postId + "@mail.example", "Cheap pills here");
		this.scenario.act(spam, "spam");
		String own = publishedReply(parent, "Ann", this.ann, "Answering myself: rye.");
		await().atMost(Duration.ofSeconds(20)).until(() -> firstApprovalSeen(own));
		this.replies.on(verdict(spam, "spam"));

		assertThat(replyMailsRecorded(spam)).isZero();
		assertThat(replyMailsRecorded(own)).as("one's own reply").isZero();
	}

	@Test
	void anUnconfirmedAddressGetsNoReplyMailSoNobodyCanSubscribeSomeoneElse() {
		String parent = publishedAskingForReplies("Victim?", this.ann, "Signed up by someone else");
		String reply = publishedReply(parent, "Bea", "bea-" + this.postId + "@blog.example", "A reply");
		await().atMost(Duration.ofSeconds(20)).until(() -> firstApprovalSeen(reply));

		assertThat(replyMailsRecorded(reply)).isZero();
		MimeMessage confirmation = this.scenario.awaitMails(this.ann, 1).get(0);
		assertThat(Mailbox.text(confirmation)).contains("confirm within 48 hours", "/notifications/confirm/",
				"/notifications/unsubscribe/");
		assertThat(NotificationScenario.header(confirmation, "List-Unsubscribe")).contains("/notifications/unsubscribe/");
	}

	@Test
	void oneConfirmationMailPerAddressPerDayHoweverManyComments() {
		EmailHash hash = this.privacy.hash(this.ann);
		for (int i = 0; i < 3; i++) {
			String id = publishedAskingForReplies("Ann", this.ann, "Comment number " + i);
			await().atMost(Duration.ofSeconds(20)).until(() -> authorMailRecorded(id));
		}
		assertThat(this.jdbc.sql("select count(*) from notification where kind = 'confirm-replies' and recipient_hash = ?")
			.param(hash.value()).query(Integer.class).single()).isEqualTo(1);
		Instant now = Instant.now();
		assertThat(this.subscriptions.request(hash, now.plusSeconds(3600), now.plusSeconds(7200), Duration.ofDays(1)))
			.as("an hour later").isFalse();
		assertThat(this.subscriptions.request(hash, now.plus(Duration.ofHours(25)), now.plus(Duration.ofHours(73)),
				Duration.ofDays(1))).as("a day later").isTrue();
	}

	@Test
	void confirmationLinksAskFirstAndExpireAndUnconfirmedRequestsAreForgotten() {
		EmailHash hash = this.privacy.hash("late-" + this.postId + "@mail.example");
		Instant now = Instant.now();
		assertThat(this.subscriptions.request(hash, now, now.plus(Duration.ofHours(48)), Duration.ofDays(1))).isTrue();
		String valid = NotificationScenario.path(this.links.confirm(hash, now.plus(Duration.ofHours(48))));
		String expired = NotificationScenario.path(this.links.confirm(hash, now.minusSeconds(1)));

		assertThat(this.scenario.get(valid).getBody()).contains("Get mails about replies?", "<form method=\"post\"");
		assertThat(this.subscriptions.confirmed(hash)).as("opening the link changes nothing").isFalse();
		assertThat(this.scenario.post(expired, "").getStatusCode().value()).isEqualTo(410);
		assertThat(this.scenario.post(valid.substring(0, valid.length() - 3) + "abc", "").getStatusCode().value())
			.as("tampered").isEqualTo(400);
		assertThat(this.subscriptions.confirmed(hash)).isFalse();

		this.replies.expireRequests(now.plus(Duration.ofHours(47)));
		assertThat(requests(hash)).as("still waiting").isEqualTo(1);
		this.replies.expireRequests(now.plus(Duration.ofHours(49)));
		assertThat(requests(hash)).as("expired request forgotten").isZero();
		assertThat(this.scenario.post(valid, "").getStatusCode().value()).as("nothing left to confirm").isEqualTo(410);
	}

	/** A comment asking for replies, published by a moderator: its verdict goes through Kafka as any other. */
	private String publishedAskingForReplies(String name, String email, String text) {
		String id = this.fixtures.heldCommentAskingForReplies(this.postId, name, email, text).id().toString();
		this.scenario.act(id, "approve");
		return id;
	}

	private String heldReply(String parent, String name, String email, String text) {
		Comment parentComment = this.comments.find(CommentId.parse(parent).orElseThrow()).orElseThrow();
		return this.fixtures.heldReply(parentComment, name, email, text).id().toString();
	}

	private String publishedReply(String parent, String name, String email, String text) {
		String id = heldReply(parent, name, email, text);
		this.scenario.act(id, "approve");
		return id;
	}

	private CommentModerated verdict(String id, String status) {
		Comment comment = this.comments.find(CommentId.parse(id).orElseThrow()).orElseThrow();
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), comment.id().value(), this.postId,
				comment.parentId() == null ? null : comment.parentId().value(), status, "pending", 0.5, List.of(),
				"engine", "engine", comment.author().name(), null, comment.text(), Instant.now());
	}

	private int requests(EmailHash hash) {
		return this.jdbc.sql("select count(*) from reply_subscription where email_hash = ?").param(hash.value())
			.query(Integer.class).single();
	}

	private void confirm(String email) {
		MimeMessage confirmation = this.scenario.awaitMails(email, 1).get(0);
		String link = NotificationScenario.link(confirmation, "confirm");
		assertThat(this.scenario.get(link).getStatusCode().value()).isEqualTo(200);
		assertThat(this.scenario.post(link, "").getBody()).contains("Confirmed");
		assertThat(this.subscriptions.confirmed(this.privacy.hash(email))).isTrue();
	}

	private MimeMessage awaitReplyMail(String reply) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.scenario.mailbox.to(this.ann).stream()
				.filter(m -> Mailbox.text(m).contains("#comment-" + reply)).findFirst(), java.util.Optional::isPresent)
			.get();
	}

	private int replyMailsRecorded(String reply) {
		return this.jdbc.sql("select count(*) from notification where kind = 'reply' and comment_id = ?")
			.param(UUID.fromString(reply)).query(Integer.class).single();
	}

	private boolean firstApprovalSeen(String id) {
		return this.jdbc.sql("select count(*) from reply_approval where comment_id = ?").param(UUID.fromString(id))
			.query(Integer.class).single() == 1;
	}

	private boolean authorMailRecorded(String id) {
		return this.jdbc.sql("select count(*) from notification where kind = 'new-comment' and comment_id = ?")
			.param(UUID.fromString(id)).query(Integer.class).single() == 1;
	}

}
