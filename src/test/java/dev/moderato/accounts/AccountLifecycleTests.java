package dev.moderato.accounts;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's sessions, sign-ins and scope follow the account at once: disabled, deleted or changed, its session is
 * over on the next request; a deleted moderator has no scope left; and the last admin cannot remove itself.
 */
@IntegrationTest
class AccountLifecycleTests {

	static final String PASSWORD = "a-long-enough-password";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Accounts accounts;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	Moderators admin;

	String post;

	String username;

	@BeforeEach
	void setUp() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.post = "life-" + suffix;
		new Api(this.port, this.json).registerPost(this.post, "Life", "Lia", "lia-" + suffix + "@blog.example");
		this.username = "life-" + suffix;
		assertThat(this.admin.post("/api/v1/accounts", Moderators.form("username", this.username, "password", PASSWORD,
				"roles", List.of("MODERATOR"), "posts", List.of(this.post))).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void aSessionEndsOnTheNextRequestOnceItsAccountIsDisabled() {
		Browser browser = new Browser(this.port);
		assertThat(browser.signIn(this.username, PASSWORD)).endsWith("/moderation");
		assertThat(browser.get("/moderation").statusCode()).isEqualTo(200);

		assertThat(this.admin.put("/api/v1/accounts/" + this.username, Moderators.form("roles", List.of("MODERATOR"),
				"posts", List.of(this.post), "enabled", false)).getStatusCode().value()).isEqualTo(200);

		HttpResponse<String> after = browser.get("/moderation");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(browser.signIn(this.username, PASSWORD)).as("a disabled account is told so").endsWith("/login?disabled");
	}

	@Test
	void aDeletedRestrictedModeratorLosesItsSessionAndHasNoScopeLeft() {
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		new Api(this.port, this.json).registerPost("else-" + this.post, "Else", "Ela", "ela@blog.example");
		Comment elsewhere = fixtures.heldComment("else-" + this.post, "Eli", "eli@mail.example", "Not yours");
		Browser browser = new Browser(this.port);
		browser.signIn(this.username, PASSWORD);
		assertThat(browser.get("/moderation").statusCode()).isEqualTo(200);

		assertThat(this.admin.delete("/api/v1/accounts/" + this.username).getStatusCode().value()).isEqualTo(204);

		assertThat(browser.get("/moderation/comments/" + elsewhere.id()).statusCode()).isEqualTo(302);
		var stale = UsernamePasswordAuthenticationToken.authenticated(this.username, null,
				AuthorityUtils.createAuthorityList("ROLE_MODERATOR"));
		assertThat(this.accounts.scopeOf(stale).posts()).as("a missing account may moderate nothing").isEmpty();
		assertThat(this.accounts.scopeOf(stale).mayModerate(elsewhere.postId())).isFalse();
	}

	@Test
	void aChangedPasswordEndsSessionsAndCachedBasicSignInsAtOnce() {
		Browser browser = new Browser(this.port);
		browser.signIn(this.username, PASSWORD);
		Moderators basic = Moderators.as(this.port, this.json, this.username, PASSWORD);
		assertThat(basic.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(200);

		assertThat(this.admin.put("/api/v1/accounts/" + this.username, Moderators.form("roles", List.of("MODERATOR"),
				"posts", List.of(this.post), "password", "another-long-password")).getStatusCode().value()).isEqualTo(200);

		assertThat(browser.get("/moderation").statusCode()).isEqualTo(302);
		assertThat(basic.get("/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void aDisabledAccountIsToldSoNotAskedForCredentials() {
		this.admin.put("/api/v1/accounts/" + this.username,
				Moderators.form("roles", List.of("MODERATOR"), "posts", List.of(), "enabled", false));
		ResponseEntity<String> response = Moderators.as(this.port, this.json, this.username, PASSWORD)
			.get("/api/v1/moderation/queues");
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody()).contains("disabled").doesNotContain("send HTTP Basic");
		assertThat(Moderators.as(this.port, this.json, this.username, "a-wrong-password").get("/api/v1/moderation/queues")
			.getBody()).as("only to who knows the password").doesNotContain("disabled");
	}

	@Test
	void theLastEnabledAdminCannotDeleteDisableOrDemoteItself() {
		String boss = "boss-" + this.username;
		this.accounts.create(boss, PASSWORD, Set.of(Role.ADMIN, Role.MODERATOR), Set.of());
		Moderators self = Moderators.as(this.port, this.json, boss, PASSWORD);
		// for a moment the only enabled admin: test classes run one at a time, and the others are enabled again after
		List<String> others = this.jdbc.sql("select username from account where enabled and username <> ? and roles like '%ADMIN%'")
			.param(boss).query(String.class).list();
		this.jdbc.sql("update account set enabled = false where username in (:others)").param("others", others).update();
		try {
			ResponseEntity<String> delete = self.delete("/api/v1/accounts/" + boss);
			assertThat(delete.getStatusCode().value()).isEqualTo(409);
			assertThat(delete.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(delete.getBody()).contains("last enabled admin");
			assertThat(self.put("/api/v1/accounts/" + boss, Moderators.form("roles", List.of("ADMIN", "MODERATOR"),
					"enabled", false)).getStatusCode().value()).as("disable").isEqualTo(409);
			assertThat(self.put("/api/v1/accounts/" + boss, Moderators.form("roles", List.of("MODERATOR")))
				.getStatusCode().value()).as("demote").isEqualTo(409);
			assertThat(this.accounts.find(boss).orElseThrow().isAdmin()).isTrue();
		}
		finally {
			this.jdbc.sql("update account set enabled = true where username in (:others)").param("others", others).update();
		}
		assertThat(self.delete("/api/v1/accounts/" + boss).getStatusCode().value()).as("not the last one").isEqualTo(204);
	}

}
