package dev.moderato.gdpr;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterErased;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin's GDPR export and erase, over HTTP against the running service.
 */
@IntegrationTest
@RecordApplicationEvents
class CommenterDataTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	CommenterData data;

	@Autowired
	ApplicationEvents events;

	@Test
	void exportsEverythingStoredAboutAnAddressAndNothingAboutOthers() {
		Api api = new Api(this.port, this.json);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String post = post(api);
		String erin = "erin." + UUID.randomUUID() + "@example.org";
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		Comment published = fixtures.approvedComment(post, "Erin", erin, "Published words");
		Comment held = fixtures.heldComment(post, "Erin", erin, "Held words");
		Comment othersReply = fixtures.approvedReply(published, "Otto", "otto." + UUID.randomUUID() + "@example.org", "Reply");
		admin.post("/api/v1/moderation/commenters/" + this.privacy.hash(erin) + "/trust", Map.of("reason", "regular"));
		assertThat(admin.act(held.id().toString(), "approve").getStatusCode()).isEqualTo(HttpStatus.OK);

		// the approval teaches the spam filter through Kafka: the export shows what it learned once it has
		JsonNode export = await().atMost(Duration.ofSeconds(20))
			.until(() -> admin.json(admin.post("/api/v1/privacy/export", Map.of("email", erin.toUpperCase()))),
					e -> e.get("comments").size() == 2 && e.get("comments").get(1).get("spamFeedback").size() == 1);

		assertThat(export.get("email").asString()).isEqualTo(erin);
		assertThat(export.get("emailHash").asString()).isEqualTo(this.privacy.hash(erin).value());
		JsonNode first = export.get("comments").get(0);
		assertThat(first.get("id").asString()).isEqualTo(published.id().toString());
		assertThat(first.get("postId").asString()).isEqualTo(post);
		assertThat(first.get("authorName").asString()).isEqualTo("Erin");
		assertThat(first.get("text").asString()).isEqualTo("Published words");
		assertThat(first.get("status").asString()).isEqualTo("approved");
		assertThat(first.get("ipPrefix").asString()).isEqualTo("203.0.113.0/24");
		assertThat(first.get("submittedAt").isNull()).isFalse();
		JsonNode second = export.get("comments").get(1);
		assertThat(second.get("text").asString()).isEqualTo("Held words");
		assertThat(second.get("status").asString()).isEqualTo("approved");
		assertThat(second.get("decisions").get(0).get("action").asString()).isEqualTo("approve");
		assertThat(second.get("decisions").get(0).get("fromStatus").asString()).isEqualToIgnoringCase("held");
		assertThat(second.get("decisions").get(0).has("actor")).as("moderators' names are not the commenter's data").isFalse();
		assertThat(second.get("spamFeedback").get(0).get("spam").asBoolean()).isFalse();
		assertThat(export.get("commenterPolicies").get(0).get("kind").asString()).isEqualTo("trusted");
		assertThat(export.toString()).doesNotContain(othersReply.id().toString()).doesNotContain("Otto");
	}

	@Test
	void eraseKeepsTheCommentsAnonymisedAndLeavesNothingToExport() {
		Api api = new Api(this.port, this.json);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String post = post(api);
		String erin = "erased." + UUID.randomUUID() + "@example.org";
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		Comment published = fixtures.approvedComment(post, "Erin", erin, "Words that stay");
		fixtures.heldComment(post, "Erin", erin, "Held words");
		Comment othersReply = fixtures.approvedReply(published, "Otto", "otto." + UUID.randomUUID() + "@example.org", "Reply");
		admin.post("/api/v1/moderation/commenters/" + this.privacy.hash(erin) + "/ban", Map.of("reason", "rude"));

		ResponseEntity<String> erased = admin.post("/api/v1/privacy/erase", Map.of("email", erin));

		assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode counts = admin.json(erased);
		assertThat(counts.get("comments").asInt()).isEqualTo(2);
		assertThat(counts.get("commenterPolicies").asInt()).isEqualTo(1);
		Comment after = this.comments.find(published.id()).orElseThrow();
		assertThat(after.author().name()).isEqualTo("deleted");
		assertThat(after.author().url()).isNull();
		assertThat(after.author().emailHash()).isNotEqualTo(this.privacy.hash(erin));
		assertThat(this.privacy.decrypt(after.author().email())).isEmpty();
		assertThat(after.ipPrefix()).isNull();
		assertThat(after.ipHash()).isNull();
		assertThat(after.avatarId()).isNull();
		assertThat(after.text()).as("the text stays unless asked").isEqualTo("Words that stay");

		JsonNode thread = api.json(api.get("/api/v1/posts/" + post + "/comments")).get("comments").get(0);
		assertThat(thread.get("authorName").asString()).isEqualTo("deleted");
		assertThat(thread.get("avatar").isNull()).isTrue();
		assertThat(thread.get("replies").get(0).get("id").asString()).as("replies stay").isEqualTo(othersReply.id().toString());
		assertThat(thread.get("replies").get(0).get("authorName").asString()).isEqualTo("Otto");

		JsonNode export = admin.json(admin.post("/api/v1/privacy/export", Map.of("email", erin)));
		assertThat(export.get("comments")).isEmpty();
		assertThat(export.get("commenterPolicies")).isEmpty();
		assertThat(admin.json(admin.post("/api/v1/privacy/erase", Map.of("email", erin))).get("comments").asInt())
			.as("erasing again changes nothing").isZero();
	}

	@Test
	void eraseTellsOtherModulesWhichCommenterAndCommentsToForget() {
		String post = post(new Api(this.port, this.json));
		String gus = "gus." + UUID.randomUUID() + "@example.org";
		Comment comment = new CommentFixtures(this.comments, this.privacy).approvedComment(post, "Gus", gus, "Hi");

		this.data.erase(gus, false);

		assertThat(this.events.stream(CommenterErased.class)).singleElement().satisfies(e -> {
			assertThat(e.emailHash()).isEqualTo(this.privacy.hash(gus));
			assertThat(e.commentIds()).containsExactly(comment.id().value());
		});
	}

	@Test
	void eraseCanRemoveTheTextToo() {
		Api api = new Api(this.port, this.json);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String post = post(api);
		String fay = "fay." + UUID.randomUUID() + "@example.org";
		Comment comment = new CommentFixtures(this.comments, this.privacy).approvedComment(post, "Fay", fay, "Regrets");

		admin.post("/api/v1/privacy/erase", Map.of("email", fay, "removeText", true));

		assertThat(this.comments.find(comment.id()).orElseThrow().text()).isEqualTo("[deleted]");
	}

	private static String post(Api api) {
		String post = "gdpr-" + UUID.randomUUID().toString().substring(0, 8);
		api.registerPost(post, "Rights", "Rae", "rae@blog.example");
		return post;
	}

}
