package dev.moderato.posts;

import java.util.Map;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.SiteAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post whose comments an admin closed, or whose site's "close after N days" has passed, refuses comments with a
 * clear 403 problem and says so in its thread and by-url lookup; reopened, it takes them again.
 */
@IntegrationTest
class ClosedPostTests {

	static final String COMMENT = "{\"authorName\": \"R\", \"authorEmail\": \"r@mail.example\", \"text\": \"Late to the party\"}";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	SiteAdmin admin;

	String site;

	@BeforeEach
	void registerSite() {
		this.admin = new SiteAdmin(this.port);
		this.site = SiteAdmin.uniqueId("closed");
		this.admin.putSite(this.site, """
				{"name": "Closing", "origins": ["https://%1$s.example"], "postUrlPrefixes": ["https://%1$s.example/"],
				 "authorName": "Ada", "authorEmail": "ada@closing.example", "closeAfterDays": 3}""".formatted(this.site));
	}

	@Test
	void aPostClosedByAnAdminRefusesCommentsUntilReopened() {
		String post = register("flag");
		assertThat(this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + post + "/close").getStatusCode().value())
			.isEqualTo(200);
		assertClosed(post);

		this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + post + "/reopen");
		assertThat(this.admin.submitJson(post, COMMENT, null).getStatusCode().value()).isEqualTo(202);
		assertThat(json(this.admin.get("/api/v1/posts/" + post + "/comments", Map.of())).get("commentsOpen").asBoolean())
			.isTrue();
	}

	@Test
	void aPostOlderThanItsSitesLimitRefusesComments() {
		String post = register("old");
		this.jdbc.sql("update post set created_at = now() - interval '4 days' where id = ?").param(post).update();
		assertClosed(post);
		String young = register("young");
		this.jdbc.sql("update post set created_at = now() - interval '2 days' where id = ?").param(young).update();
		assertThat(this.admin.submitJson(young, COMMENT, null).getStatusCode().value()).isEqualTo(202);
	}

	@Test
	void closingAPostChangesItsThreadsETag() {
		String post = register("etag");
		String open = this.admin.get("/api/v1/posts/" + post + "/comments", Map.of()).getHeaders().getETag();
		this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + post + "/close");
		ResponseEntity<String> closed = this.admin.get("/api/v1/posts/" + post + "/comments", Map.of("If-None-Match", open));
		assertThat(closed.getStatusCode().value()).isEqualTo(200);
		assertThat(json(closed).get("commentsOpen").asBoolean()).isFalse();
	}

	private void assertClosed(String post) {
		ResponseEntity<String> refused = this.admin.submitJson(post, COMMENT, null);
		assertThat(refused.getStatusCode().value()).isEqualTo(403);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = json(refused);
		assertThat(problem.get("title").asString()).isEqualTo("Comments are closed");
		assertThat(problem.get("type").asString()).endsWith("comments-closed");
		assertThat(json(this.admin.get("/api/v1/posts/" + post + "/comments", Map.of())).get("commentsOpen").asBoolean())
			.isFalse();
		JsonNode page = json(this.admin.get("/api/v1/posts/by-url?url=" + url(post), Map.of()));
		assertThat(page.get("id").asString()).isEqualTo(post);
		assertThat(page.get("exists").asBoolean()).isTrue();
		assertThat(page.get("commentsOpen").asBoolean()).isFalse();
	}

	private String register(String name) {
		String post = this.site + "-" + name;
		ResponseEntity<String> response = this.admin.call(HttpMethod.PUT, "/api/v1/posts/" + post, """
				{"title": "Post", "url": "%s", "authorName": "Bea", "authorEmail": "bea@blog.example", "siteId": "%s"}"""
			.formatted(url(post), this.site), Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		return post;
	}

	private String url(String post) {
		return "https://" + this.site + ".example/" + post + "/";
	}

	private JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

}
