package dev.moderato.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The review queues: what an item shows a moderator, filters, stable paging, counts; and trust and bans.
 */
@IntegrationTest
class ModerationQueueTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	ModerationQueueMetrics metrics;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	Moderators moderator;

	CommentFixtures fixtures;

	String postId;

	@BeforeEach
	void setUp() {
		this.moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.postId = "queue-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(this.postId, "Queues & <Co>", "Qi", "qi@blog.example");
	}

	@Test
	void aHeldItemShowsWhatAModeratorNeedsToDecide() {
		Comment parent = this.fixtures.approvedComment(this.postId, "Pat", "pat@mail.example", "The question");
		this.fixtures.approvedComment(this.postId, "Rae", "rae@mail.example", "An earlier approved one");
		Comment reply = this.fixtures.approvedReply(parent, "Rae", "rae@mail.example", "x");
		Comment held = this.fixtures.heldComment(this.postId, "Rae", "rae@mail.example", "Needs a look <script>");

		JsonNode item = this.moderator.json(this.moderator.get("/api/v1/moderation/comments/" + held.id()));
		assertThat(item.get("postTitle").asString()).isEqualTo("Queues & <Co>");
		assertThat(item.get("authorName").asString()).isEqualTo("Rae");
		assertThat(item.get("authorEmail").asString()).as("moderators may see it").isEqualTo("rae@mail.example");
		assertThat(item.get("commenter").asString()).isEqualTo(this.privacy.hash("rae@mail.example").value());
		assertThat(item.get("text").asString()).isEqualTo("Needs a look <script>");
		assertThat(item.get("status").asString()).isEqualTo("held");
		assertThat(item.get("reasons").get(0).asString()).isEqualTo("fixture");
		assertThat(item.get("history").get("approved").asInt()).isEqualTo(2);
		assertThat(item.get("history").get("held").asInt()).isEqualTo(1);
		JsonNode replyItem = this.moderator.json(this.moderator.get("/api/v1/moderation/comments/" + reply.id()));
		assertThat(replyItem.get("parent").get("authorName").asString()).isEqualTo("Pat");
		assertThat(replyItem.get("parent").get("text").asString()).isEqualTo("The question");
	}

	@Test
	void pagesAreStableAndFiltersNarrowTheQueue() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(this.fixtures.heldComment(this.postId, "Sam", "sam" + i + "@mail.example", "Held number " + i).id()
				.toString());
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = this.moderator.json(this.moderator.get("/api/v1/moderation/queues/held?post=" + this.postId
					+ "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
			page.get("items").forEach(item -> seen.add(item.get("id").asString()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (cursor != null);
		assertThat(seen).containsExactlyElementsOf(ids);

		JsonNode newest = this.moderator.json(this.moderator.get("/api/v1/moderation/queues/held?post=" + this.postId
				+ "&sort=newest&limit=1"));
		assertThat(newest.get("items").get(0).get("id").asString()).isEqualTo(ids.get(4));
		JsonNode search = this.moderator.json(this.moderator.get("/api/v1/moderation/queues/all?post=" + this.postId
				+ "&q=NUMBER 3"));
		assertThat(search.get("items")).hasSize(1);
		String commenter = this.privacy.hash("sam1@mail.example").value();
		JsonNode byCommenter = this.moderator.json(this.moderator.get("/api/v1/moderation/queues/held?commenter=" + commenter));
		assertThat(byCommenter.get("items")).hasSize(1);
		assertThat(this.moderator.get("/api/v1/moderation/queues/everything").getStatusCode().value()).isEqualTo(400);
		assertThat(this.moderator.get("/api/v1/moderation/queues/held?sort=random").getStatusCode().value()).isEqualTo(400);
		assertThat(this.moderator.get("/api/v1/moderation/queues/held?cursor=garbage").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void queueSizesAndTheOldestHeldCommentsAgeAreGauges() {
		this.fixtures.heldComment(this.postId, "Gus", "gus@mail.example", "Waiting");
		this.metrics.refresh();
		assertThat(this.meters.get("moderato.moderation.queue.size").tag("queue", "held").gauge().value()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("moderato.moderation.queue.held.age").gauge().value()).isGreaterThanOrEqualTo(0).isNotNaN();
	}

	@Test
	void countsFollowDecisions() {
		Comment held = this.fixtures.heldComment(this.postId, "Tia", "tia@mail.example", "Count me");
		JsonNode before = this.moderator.json(this.moderator.get("/api/v1/moderation/queues"));
		this.moderator.act(held.id().toString(), "spam");
		JsonNode after = this.moderator.json(this.moderator.get("/api/v1/moderation/queues"));
		assertThat(after.get("held").asLong()).isEqualTo(before.get("held").asLong() - 1);
		assertThat(after.get("spam").asLong()).isEqualTo(before.get("spam").asLong() + 1);
		assertThat(after.get("all").asLong()).isEqualTo(before.get("all").asLong());
	}

	@Test
	void aTrustedCommenterSkipsTheHoldAndABannedOneGoesToSpamUntilAnAdminLiftsIt() {
		Api api = new Api(this.port, this.json);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String trusted = "trusted-" + this.postId + "@mail.example";
		String banned = "banned-" + this.postId + "@mail.example";
		String trustedHash = this.privacy.hash(trusted).value();
		String bannedHash = this.privacy.hash(banned).value();

		assertThat(this.moderator.post("/api/v1/moderation/commenters/" + trustedHash + "/trust",
				Moderators.form("reason", "regular reader")).getStatusCode().value()).isEqualTo(204);
		assertThat(this.moderator.post("/api/v1/moderation/commenters/" + bannedHash + "/ban",
				Moderators.form("reason", "abuse")).getStatusCode().value()).isEqualTo(204);

		assertThat(verdict(api, trusted, "My very first comment here, hello!")).isEqualTo(CommentStatus.APPROVED);
		assertThat(verdict(api, banned, "A perfectly polite comment.")).isEqualTo(CommentStatus.SPAM);
		assertThat(this.moderator.json(this.moderator.get("/api/v1/moderation/queues/spam?commenter=" + bannedHash))
			.get("items").get(0).get("reasons").get(0).asString()).isEqualTo("commenter is banned");

		String list = admin.get("/api/v1/moderation/commenters").getBody();
		assertThat(list).contains(trustedHash, bannedHash, "abuse").doesNotContain(banned);
		assertThat(this.moderator.delete("/api/v1/moderation/commenters/" + bannedHash + "/ban").getStatusCode().value())
			.as("only admins undo").isEqualTo(403);
		assertThat(admin.delete("/api/v1/moderation/commenters/" + bannedHash + "/ban").getStatusCode().value())
			.isEqualTo(204);
		String after = api.json(api.submit(this.postId, Map.of("authorName", "Someone", "authorEmail", banned, "text",
				"A second polite comment."))).get("id").asString();
		Comment judged = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.comments.find(CommentId.parse(after).orElseThrow()).orElse(null), c -> c != null);
		assertThat(judged.reasons()).as("the ban no longer applies (the earlier spam still counts)")
			.doesNotContain("commenter is banned");
	}

	private CommentStatus verdict(Api api, String email, String text) {
		String id = api.json(api.submit(this.postId, Map.of("authorName", "Someone", "authorEmail", email, "text", text)))
			.get("id")
			.asString();
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.comments.find(CommentId.parse(id).orElseThrow()).map(Comment::status).orElse(null),
					s -> s != null);
	}

}
