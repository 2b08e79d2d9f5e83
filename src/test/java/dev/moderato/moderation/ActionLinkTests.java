package dev.moderato.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The approve / spam / reject links in the "held for review" mail: signed, bound to one comment and action, expiring,
 * single-use; opening one changes nothing.
 */
@IntegrationTest
class ActionLinkTests {

	static final Pattern LINK = Pattern.compile("/moderation/links/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	ActionLinks links;

	@Autowired
	CommentDecisions decisions;

	@Autowired
	ModerationSettings settings;

	@Autowired
	JdbcClient jdbc;

	RestClient browser;

	String postId;

	@BeforeEach
	void setUp() {
		this.browser = RestClient.create("http://localhost:" + this.port);
		this.postId = "links-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(this.postId, "Links", "Lu", "lu-" + this.postId + "@blog.example");
	}

	@Test
	void theHeldMailsApproveLinkAsksFirstThenApprovesOnce() {
		Api api = new Api(this.port, this.json);
		String id = api.json(api.submit(this.postId, Map.of("authorName", "Nia", "authorEmail", "nia@mail.example", "text",
				"A first comment, held for review.")))
			.get("id").asString();
		Mailbox mailbox = new Mailbox(this.greenMail);
		MimeMessage mail = await().atMost(Duration.ofSeconds(20))
			.until(() -> mailbox.to("lu-" + this.postId + "@blog.example"), m -> !m.isEmpty())
			.get(0);
		List<String> tokens = tokens(Mailbox.text(mail));
		assertThat(tokens).hasSize(3);
		assertThat(Mailbox.raw(mail)).contains("Approve", "Spam", "Reject");
		String why = Mailbox.text(mail);
		why = why.substring(why.indexOf("Why it was held:"), why.indexOf("Decide with one click"));
		assertThat(why).as("names the first-comment hold, and no text-model score that pointed the other way")
			.contains("first comment")
			.doesNotContainPattern("\\b0\\.[0-4]\\d?\\b");
		String approve = tokens.get(0);

		ResponseEntity<String> page = get(approve);
		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getBody()).contains("Approve this comment?", "A first comment, held for review.", "<form method=\"post\"");
		assertThat(status(id)).as("opening the link changes nothing").isEqualTo(CommentStatus.HELD);

		ResponseEntity<String> done = post(approve);
		assertThat(done.getStatusCode().value()).isEqualTo(200);
		assertThat(done.getBody()).contains("The comment is now approved.");
		assertThat(status(id)).isEqualTo(CommentStatus.APPROVED);

		assertThat(post(approve).getStatusCode().value()).isEqualTo(409);
		assertThat(get(approve).getBody()).contains("Link already used");
		assertThat(post(tokens.get(1)).getStatusCode().value()).as("another link after a decision").isEqualTo(409);
	}

	@Test
	void aTamperedLinkIsRefused() {
		Comment held = heldComment();
		String token = token(this.links.create(held.id(), ModerationAction.APPROVE));
		String otherAction = token(this.links.create(held.id(), ModerationAction.SPAM));
		String forged = token.substring(0, token.indexOf('.')) + otherAction.substring(otherAction.indexOf('.'));

		for (String bad : List.of(forged, token.substring(0, token.length() - 2), "nonsense", token + "x")) {
			assertThat(get(bad).getStatusCode().value()).as(bad).isEqualTo(400);
			assertThat(post(bad).getStatusCode().value()).as(bad).isEqualTo(400);
		}
		assertThat(status(held.id().toString())).isEqualTo(CommentStatus.HELD);
	}

	@Test
	void anExpiredLinkIsRefused() {
		Comment held = heldComment();
		ActionLinks lastWeek = new ActionLinks(this.settings, this.privacy, this.decisions, this.jdbc,
				Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC));
		String expired = token(lastWeek.create(held.id(), ModerationAction.APPROVE));

		ResponseEntity<String> response = post(expired);

		assertThat(response.getStatusCode().value()).isEqualTo(410);
		assertThat(response.getBody()).contains("Link expired");
		assertThat(status(held.id().toString())).isEqualTo(CommentStatus.HELD);
	}

	@Test
	void twoClicksAtOnceDecideOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			Comment held = heldComment();
			String token = token(this.links.create(held.id(), ModerationAction.APPROVE));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<Integer>> clicks = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					clicks.add(pool.submit(() -> {
						start.await();
						return post(token).getStatusCode().value();
					}));
				}
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> click : clicks) {
					statuses.add(click.get());
				}
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				assertThat(this.jdbc.sql("select count(*) from moderation_audit where comment_id = ?")
					.param(held.id().value())
					.query(Integer.class)
					.single()).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aLinkForACommentDecidedMeanwhileSaysSoAndStaysUnused() {
		Comment held = heldComment();
		String approve = token(this.links.create(held.id(), ModerationAction.APPROVE));
		Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD).act(held.id().toString(), "reject");

		ResponseEntity<String> response = post(approve);

		assertThat(response.getStatusCode().value()).isEqualTo(409);
		assertThat(response.getBody()).contains("it is rejected");
		assertThat(status(held.id().toString())).isEqualTo(CommentStatus.REJECTED);
	}

	@Test
	void anEmailLinkDecisionIsAuditedAsSuch() {
		Comment held = heldComment();
		post(token(this.links.create(held.id(), ModerationAction.SPAM)));
		assertThat(this.jdbc.sql("select actor_kind from moderation_audit where comment_id = ?")
			.param(held.id().value())
			.query(String.class)
			.single()).isEqualTo("email-link");
	}

	@Test
	void everyResultPageNamesItselfInTheBrowserTabTitle() {
		Comment held = heldComment();
		String approve = token(this.links.create(held.id(), ModerationAction.APPROVE));
		String reject = token(this.links.create(held.id(), ModerationAction.REJECT));
		assertThat(title(post(approve))).isEqualTo("Done · Moderato");
		assertThat(title(post(approve))).isEqualTo("Link already used · Moderato");
		assertThat(title(get("nonsense"))).isEqualTo("Invalid link · Moderato");
		assertThat(title(post(reject))).isEqualTo("Already decided · Moderato");

		Comment another = heldComment();
		ActionLinks lastWeek = new ActionLinks(this.settings, this.privacy, this.decisions, this.jdbc,
				Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC));
		assertThat(title(get(token(lastWeek.create(another.id(), ModerationAction.APPROVE)))))
			.isEqualTo("Link expired · Moderato");
	}

	@Test
	void theConfirmPageAsksInASentenceThatStartsWithACapital() {
		Comment held = heldComment();

		ResponseEntity<String> approve = get(token(this.links.create(held.id(), ModerationAction.APPROVE)));
		ResponseEntity<String> spam = get(token(this.links.create(held.id(), ModerationAction.SPAM)));
		ResponseEntity<String> reject = get(token(this.links.create(held.id(), ModerationAction.REJECT)));

		assertThat(title(approve)).isEqualTo("Approve this comment? · Moderato");
		assertThat(approve.getBody()).contains("<h1>Approve this comment?</h1>", ">Approve</button>");
		assertThat(title(spam)).isEqualTo("Mark this comment as spam? · Moderato");
		assertThat(spam.getBody()).contains("<h1>Mark this comment as spam?</h1>", ">Mark as spam</button>");
		assertThat(title(reject)).isEqualTo("Reject this comment? · Moderato");
		assertThat(reject.getBody()).contains("<h1>Reject this comment?</h1>", ">Reject</button>");
	}

	@Test
	void aLinkOpenedAfterTheCommentWasDecidedSaysSoAndOffersNoButton() {
		Comment held = heldComment();
		String spam = token(this.links.create(held.id(), ModerationAction.SPAM));
		Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD).act(held.id().toString(), "approve");

		ResponseEntity<String> page = get(spam);

		assertThat(page.getStatusCode().value()).isEqualTo(409);
		assertThat(title(page)).isEqualTo("Already decided · Moderato");
		assertThat(page.getBody()).contains("Held for a link", "already approved")
			.doesNotContain("<form", "<button");
		assertThat(status(held.id().toString())).isEqualTo(CommentStatus.APPROVED);
	}

	private static String title(ResponseEntity<String> page) {
		Matcher m = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(page.getBody());
		assertThat(m.find()).as("a <title> in " + page.getBody()).isTrue();
		String title = m.group(1).strip();
		assertThat(m.find()).as("one <title>").isFalse();
		return title;
	}

	private Comment heldComment() {
		return new CommentFixtures(this.comments, this.privacy).heldComment(this.postId, "Oli",
				"oli-" + UUID.randomUUID() + "@mail.example", "Held for a link");
	}

	private CommentStatus status(String id) {
		return this.comments.find(CommentId.parse(id).orElseThrow()).orElseThrow().status();
	}

	private static List<String> tokens(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = LINK.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static String token(String url) {
		return url.substring(url.indexOf("/moderation/links/") + "/moderation/links/".length());
	}

	private ResponseEntity<String> get(String token) {
		return this.browser.get().uri("/moderation/links/{t}", token).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	private ResponseEntity<String> post(String token) {
		return this.browser.post().uri("/moderation/links/{t}", token).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

}
