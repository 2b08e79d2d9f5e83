package dev.moderato.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.Moderators;
import dev.moderato.Topics;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moderators' decisions: what each action does to the public thread, the event stream, the author's mail and the
 * audit log; conflicts; bulk actions; deletion.
 */
@IntegrationTest
class ModerationDecisionTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	GreenMail greenMail;

	Api api;

	Moderators moderator;

	Moderators admin;

	CommentFixtures fixtures;

	String postId;

	String authorEmail;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port, this.json);
		this.moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.postId = "decide-" + UUID.randomUUID().toString().substring(0, 8);
		this.authorEmail = "author-" + this.postId + "@blog.example";
		this.api.registerPost(this.postId, "Decisions", "Dee", this.authorEmail);
	}

	@Test
	void approvingAHeldCommentPublishesItAnnouncesItMailsTheAuthorAndIsAudited() {
		Comment held = this.fixtures.heldComment(this.postId, "Hank", "hank@mail.example", "Please approve me");

		ResponseEntity<String> response = this.moderator.act(held.id().toString(), "approve");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(this.moderator.json(response).get("previousStatus").asString()).isEqualTo("held");
		assertThat(this.moderator.json(response).get("status").asString()).isEqualTo("approved");
		JsonNode thread = this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments"));
		assertThat(thread.get("comments").get(0).get("id").asString()).isEqualTo(held.id().toString());

		Topics topics = new Topics(this.consumers);
		JsonNode event = this.json.readTree(await().atMost(Duration.ofSeconds(20))
			.until(() -> topics.mentioning("comments.moderated", held.id().toString()), r -> !r.isEmpty())
			.get(0)
			.value());
		assertThat(event.get("moderator").asString()).isEqualTo("moderator");
		assertThat(event.get("actorKind").asString()).isEqualTo("moderator");
		assertThat(event.get("previousStatus").asString()).isEqualTo("held");
		assertThat(event.get("status").asString()).isEqualTo("approved");

		Mailbox mailbox = new Mailbox(this.greenMail);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(this.authorEmail).size() == 1);
		assertThat(Mailbox.text(mailbox.to(this.authorEmail).get(0))).contains("Hank commented", "Please approve me");

		JsonNode audit = this.admin.json(this.admin.get("/api/v1/moderation/audit?comment=" + held.id()));
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("moderator");
		assertThat(audit.get(0).get("fromStatus").asString()).isEqualTo("held");
		assertThat(audit.get(0).get("toStatus").asString()).isEqualTo("approved");
	}

	@Test
	void eachActionMovesTheCommentAsNamed() {
		Comment comment = this.fixtures.heldComment(this.postId, "Ivy", "ivy@mail.example", "Moving around");
		String id = comment.id().toString();

		assertThat(status(this.moderator.act(id, "spam"))).isEqualTo("spam");
		assertThat(status(this.moderator.act(id, "not-spam"))).isEqualTo("approved");
		assertThat(status(this.moderator.act(id, "reject"))).isEqualTo("rejected");
		assertThat(status(this.moderator.act(id, "approve"))).isEqualTo("approved");
		assertThat(this.api.json(this.api.get("/api/v1/comments/" + id)).get("status").asString()).isEqualTo("approved");
		assertThat(this.admin.json(this.admin.get("/api/v1/moderation/audit?comment=" + id))).hasSize(4);
	}

	@Test
	void aDecisionThatNoLongerFitsIsAConflictWithTheCurrentStatus() {
		Comment comment = this.fixtures.heldComment(this.postId, "Jo", "jo@mail.example", "Twice approved?");
		this.moderator.act(comment.id().toString(), "approve");

		ResponseEntity<String> second = this.admin.act(comment.id().toString(), "approve");

		assertThat(second.getStatusCode().value()).isEqualTo(409);
		assertThat(second.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(this.admin.json(second).get("currentStatus").asString()).isEqualTo("approved");
		assertThat(this.moderator.act(comment.id().toString(), "not-spam").getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void twoModeratorsDecidingAtOnceGetOneWinAndOneConflict() throws Exception {
		for (int round = 0; round < 5; round++) {
			Comment comment = this.fixtures.heldComment(this.postId, "Kim", "kim" + round + "@mail.example", "Race " + round);
			String id = comment.id().toString();
			// both saw the same version of the comment in their queue
			String etag = this.moderator.get("/api/v1/moderation/comments/" + id).getHeaders().getETag();
			assertThat(etag).isEqualTo("\"0\"");
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Callable<Integer>> calls = List.of(() -> {
					start.await();
					return this.moderator.act(id, "approve", etag).getStatusCode().value();
				}, () -> {
					start.await();
					return this.admin.act(id, "spam", etag).getStatusCode().value();
				});
				List<Future<Integer>> results = new ArrayList<>();
				calls.forEach(c -> results.add(pool.submit(c)));
				start.countDown();
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> r : results) {
					statuses.add(r.get());
				}
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				assertThat(this.admin.json(this.admin.get("/api/v1/moderation/audit?comment=" + id))).hasSize(1);
				assertThat(this.comments.find(comment.id()).orElseThrow().version()).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void aDecisionOnAStaleViewIsAConflict() {
		Comment comment = this.fixtures.heldComment(this.postId, "Kit", "kit@mail.example", "Stale");
		String etag = this.moderator.get("/api/v1/moderation/comments/" + comment.id()).getHeaders().getETag();
		this.admin.act(comment.id().toString(), "approve");

		ResponseEntity<String> stale = this.moderator.act(comment.id().toString(), "spam", etag);

		assertThat(stale.getStatusCode().value()).isEqualTo(409);
		assertThat(this.moderator.json(stale).get("currentStatus").asString()).isEqualTo("approved");
	}

	@Test
	void bulkActionsReportEachCommentsOutcome() {
		Comment one = this.fixtures.heldComment(this.postId, "Lee", "lee@mail.example", "One");
		Comment two = this.fixtures.heldComment(this.postId, "Lou", "lou@mail.example", "Two");
		Comment done = this.fixtures.approvedComment(this.postId, "Lia", "lia@mail.example", "Done");
		String missing = UUID.randomUUID().toString();

		JsonNode results = this.moderator.json(this.moderator.post("/api/v1/moderation/actions",
				Moderators.form("action", "approve", "expectedStatus", "held", "ids", List.of(one.id().toString(),
						two.id().toString(), done.id().toString(), missing, "nonsense"))))
			.get("results");

		assertThat(results.get(0).get("outcome").asString()).isEqualTo("applied");
		assertThat(results.get(1).get("outcome").asString()).isEqualTo("applied");
		assertThat(results.get(2).get("outcome").asString()).isEqualTo("conflict");
		assertThat(results.get(2).get("status").asString()).isEqualTo("approved");
		assertThat(results.get(3).get("outcome").asString()).isEqualTo("not-found");
		assertThat(results.get(4).get("outcome").asString()).isEqualTo("invalid");
		assertThat(this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments")).get("count").asInt()).isEqualTo(3);
	}

	@Test
	void deletingACommentRemovesItForGoodButKeepsItsReplies() {
		Comment parent = this.fixtures.approvedComment(this.postId, "Max", "max@mail.example", "Parent");
		Comment reply = this.fixtures.approvedReply(parent, "Mo", "mo@mail.example", "Reply");

		assertThat(this.moderator.delete("/api/v1/moderation/comments/" + parent.id()).getStatusCode().value()).isEqualTo(204);

		assertThat(this.moderator.get("/api/v1/moderation/comments/" + parent.id()).getStatusCode().value()).isEqualTo(404);
		JsonNode thread = this.api.json(this.api.get("/api/v1/posts/" + this.postId + "/comments"));
		assertThat(thread.get("count").asInt()).isEqualTo(1);
		assertThat(thread.get("comments").get(0).get("id").asString()).isEqualTo(reply.id().toString());
		JsonNode audit = this.admin.json(this.admin.get("/api/v1/moderation/audit?comment=" + parent.id()));
		assertThat(audit.get(0).get("toStatus").asString()).isEqualTo("deleted");
		assertThat(this.moderator.delete("/api/v1/moderation/comments/" + parent.id()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void unknownActionsAndIdsAreRefusedClearly() {
		Comment comment = this.fixtures.heldComment(this.postId, "Ned", "ned@mail.example", "x");
		assertThat(this.moderator.act(comment.id().toString(), "launch").getStatusCode().value()).isEqualTo(400);
		assertThat(this.moderator.act(UUID.randomUUID().toString(), "approve").getStatusCode().value()).isEqualTo(404);
		assertThat(this.moderator.get("/api/v1/moderation/comments/not-an-id").getStatusCode().value()).isEqualTo(404);
		assertThat(this.moderator.delete("/api/v1/moderation/comments/not-an-id").getStatusCode().value()).isEqualTo(404);
	}

	private String status(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return this.moderator.json(response).get("status").asString();
	}

}
