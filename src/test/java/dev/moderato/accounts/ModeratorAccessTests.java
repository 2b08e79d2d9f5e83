package dev.moderato.accounts;

import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what: anonymous callers get 401, callers without the role or the post get 403, admins manage accounts,
 * and personal API tokens work until revoked.
 */
@IntegrationTest
class ModeratorAccessTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	Moderators admin;

	String ownPost;

	String otherPost;

	String username;

	static final String PASSWORD = "a-long-enough-password";

	@BeforeEach
	void setUp() {
		Api api = new Api(this.port, this.json);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.ownPost = "own-" + suffix;
		this.otherPost = "other-" + suffix;
		api.registerPost(this.ownPost, "Own", "Ola", "ola-" + suffix + "@blog.example");
		api.registerPost(this.otherPost, "Other", "Oto", "oto-" + suffix + "@blog.example");
		this.username = "author-" + suffix;
		ResponseEntity<String> created = this.admin.post("/api/v1/accounts", Moderators.form("username", this.username,
				"password", PASSWORD, "roles", List.of("MODERATOR"), "posts", List.of(this.ownPost)));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/moderation/queues", "/api/v1/moderation/queues/held", "/api/v1/moderation/audit",
			"/api/v1/moderation/commenters", "/api/v1/accounts", "/api/v1/accounts/me/tokens" })
	void anonymousCallersGet401(String path) {
		ResponseEntity<String> response = Moderators.anonymous(this.port, this.json).get(path);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void anonymousCallersCannotDecide() {
		assertThat(Moderators.anonymous(this.port, this.json).act(UUID.randomUUID().toString(), "approve")
			.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void moderatorsCannotManageAccountsOrReadTheAudit() {
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		assertThat(moderator.get("/api/v1/accounts").getStatusCode().value()).isEqualTo(403);
		assertThat(moderator.post("/api/v1/accounts", Moderators.form("username", "x", "password", PASSWORD, "roles",
				List.of("ADMIN"))).getStatusCode().value()).isEqualTo(403);
		assertThat(moderator.get("/api/v1/moderation/audit").getStatusCode().value()).isEqualTo(403);
	}

	@Test
	void aModeratorRestrictedToAPostSeesAndDecidesOnlyThatPost() {
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		Comment mine = fixtures.heldComment(this.ownPost, "Mia", "mia@mail.example", "On my post");
		Comment theirs = fixtures.heldComment(this.otherPost, "Tom", "tom@mail.example", "On their post");
		Moderators restricted = Moderators.as(this.port, this.json, this.username, PASSWORD);

		JsonNode held = restricted.json(restricted.get("/api/v1/moderation/queues/held?limit=200"));
		assertThat(held.get("items").valueStream().map(i -> i.get("postId").asString()).distinct().toList())
			.containsExactly(this.ownPost);
		assertThat(restricted.get("/api/v1/moderation/comments/" + theirs.id()).getStatusCode().value()).isEqualTo(404);
		assertThat(restricted.act(theirs.id().toString(), "approve").getStatusCode().value()).isEqualTo(403);
		assertThat(restricted.act(mine.id().toString(), "approve").getStatusCode().value()).isEqualTo(200);
		assertThat(restricted.post("/api/v1/moderation/commenters/" + "a".repeat(64) + "/ban").getStatusCode().value())
			.as("restricted moderators cannot ban everywhere").isEqualTo(403);
	}

	@Test
	void aRestrictedModeratorSeesOnlyTrustAndBansOnCommentersOfItsPosts() {
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String mine = "mine-" + suffix + "@mail.example";
		String theirs = "theirs-" + suffix + "@mail.example";
		fixtures.heldComment(this.ownPost, "Mo", mine, "On my post");
		fixtures.heldComment(this.otherPost, "Tess", theirs, "On their post");
		String mineHash = this.privacy.hash(mine).value();
		String theirsHash = this.privacy.hash(theirs).value();
		assertThat(this.admin.post("/api/v1/moderation/commenters/" + mineHash + "/trust").getStatusCode().value())
			.isEqualTo(204);
		assertThat(this.admin.post("/api/v1/moderation/commenters/" + theirsHash + "/ban",
				Moderators.form("reason", "secret reason " + suffix)).getStatusCode().value()).isEqualTo(204);

		String restricted = Moderators.as(this.port, this.json, this.username, PASSWORD).get("/api/v1/moderation/commenters")
			.getBody();
		assertThat(restricted).contains(mineHash).doesNotContain(theirsHash).doesNotContain("secret reason");
		assertThat(this.admin.get("/api/v1/moderation/commenters").getBody()).contains(mineHash, theirsHash);
	}

	@Test
	void aPersonalTokenWorksUntilRevoked() {
		Moderators moderator = Moderators.as(this.port, this.json, this.username, PASSWORD);
		JsonNode issued = moderator.json(moderator.post("/api/v1/accounts/me/tokens", Moderators.form("name", "cli")));
		String token = issued.get("token").asString();
		assertThat(token).startsWith("mdt_");
		assertThat(moderator.get("/api/v1/accounts/me/tokens").getBody()).doesNotContain(token).contains("cli");

		Moderators withToken = Moderators.withToken(this.port, this.json, token);
		assertThat(withToken.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(200);

		assertThat(moderator.delete("/api/v1/accounts/me/tokens/" + issued.get("id").asString()).getStatusCode().value())
			.isEqualTo(204);
		assertThat(withToken.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(401);
		assertThat(Moderators.withToken(this.port, this.json, "mdt_forged").get("/api/v1/moderation/queues")
			.getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void adminsChangeAndDisableAccounts() {
		ResponseEntity<String> updated = this.admin.put("/api/v1/accounts/" + this.username,
				Moderators.form("roles", List.of("MODERATOR"), "posts", List.of(), "enabled", false));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(Moderators.as(this.port, this.json, this.username, PASSWORD).get("/api/v1/moderation/queues")
			.getStatusCode().value()).isEqualTo(401);
		assertThat(this.admin.post("/api/v1/accounts", Moderators.form("username", this.username, "password", PASSWORD,
				"roles", List.of("MODERATOR"))).getStatusCode().value()).as("name taken").isEqualTo(422);
		assertThat(this.admin.get("/api/v1/accounts").getBody()).contains(this.username).doesNotContain(PASSWORD);
	}

}
