package dev.moderato.sites;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins register, update, read and list sites and their posts, and close or reopen a post's comments; anyone else is
 * told no, and invalid sites are refused field by field.
 */
@IntegrationTest
class SiteApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	SiteAdmin admin;

	@BeforeEach
	void connect() {
		this.admin = new SiteAdmin(this.port);
	}

	@Test
	void anAdminCreatesUpdatesReadsAndListsASite() {
		String id = SiteAdmin.uniqueId("life");
		ResponseEntity<String> created = this.admin.putSite(id, """
				{"name": "Film notes", "origins": ["HTTPS://Film-%1$s.Example", "http://localhost:4000"],
				 "postUrlPrefixes": ["https://film-%1$s.example:443/reviews/"], "authorName": "Ada",
				 "authorEmail": "ada@film.example", "createPostsOnFirstUse": true}""".formatted(id));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		JsonNode site = json(created);
		assertThat(site.get("origins").toString()).isEqualTo("[\"https://film-" + id + ".example\",\"http://localhost:4000\"]");
		assertThat(site.get("postUrlPrefixes").get(0).asString()).isEqualTo("https://film-" + id + ".example/reviews/");

		ResponseEntity<String> updated = this.admin.putSite(id, """
				{"name": "Film notes", "origins": ["https://film-%1$s.example"], "postUrlPrefixes": [],
				 "createPostsOnFirstUse": false, "closeAfterDays": 30}""".formatted(id));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);

		JsonNode read = json(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites/" + id));
		assertThat(read.get("closeAfterDays").asInt()).isEqualTo(30);
		assertThat(read.get("authorEmail").isNull()).isTrue();
		assertThat(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites").getBody()).contains("\"id\":\"" + id + "\"",
				"\"id\":\"default\"");
		assertThat(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites/nowhere-" + id).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void invalidSitesAreRefusedWithEachFailingField() {
		String id = SiteAdmin.uniqueId("bad");
		ResponseEntity<String> response = this.admin.putSite(id, """
				{"name": "", "origins": ["https://ok.example", "https://ok.example/path", "ftp://files.example"],
				 "postUrlPrefixes": ["https://elsewhere.example/", "not a url"], "authorEmail": "nope",
				 "closeAfterDays": 0}""");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody()).contains("\"field\":\"name\"", "\"field\":\"authorEmail\"",
				"\"field\":\"closeAfterDays\"");
		response = this.admin.putSite(id, """
				{"name": "Bad", "origins": ["https://ok.example", "https://ok.example/path", "ftp://files.example"],
				 "postUrlPrefixes": ["https://elsewhere.example/", "not a url", "https://ok.example/blog/"]}""");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"field\":\"origins[1]\"", "\"field\":\"origins[2]\"",
				"\"field\":\"postUrlPrefixes[0]\"", "\"field\":\"postUrlPrefixes[1]\"")
			.doesNotContain("origins[0]", "postUrlPrefixes[2]");
		assertThat(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites/" + id).getStatusCode().value()).isEqualTo(404);
		response = this.admin.putSite(id, "{\"name\": \"Lists left out\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(JsonMapper.shared().readTree(response.getBody()).get("errors").valueStream()
			.map(error -> error.get("field").asString() + ": " + error.get("message").asString()))
			.containsExactlyInAnyOrder("origins: is required: a list, [] for none",
					"postUrlPrefixes: is required: a list, [] for none");
		assertThat(this.admin.putSite("Not_An_Id", "{\"name\": \"x\", \"origins\": [], \"postUrlPrefixes\": []}")
			.getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void anonymousCallersGet401AndModerators403() {
		String body = "{\"name\": \"x\", \"origins\": [], \"postUrlPrefixes\": []}";
		String id = SiteAdmin.uniqueId("auth");
		assertThat(this.admin.call(HttpMethod.PUT, "/api/v1/sites/" + id, body, null, null).getStatusCode().value())
			.isEqualTo(401);
		assertThat(this.admin.call(HttpMethod.GET, "/api/v1/sites", null, null, null).getStatusCode().value())
			.isEqualTo(401);
		assertThat(this.admin.call(HttpMethod.PUT, "/api/v1/sites/" + id, body, SiteAdmin.MODERATOR,
				SiteAdmin.MODERATOR_PASSWORD).getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.call(HttpMethod.GET, "/api/v1/sites/default", null, SiteAdmin.MODERATOR,
				SiteAdmin.MODERATOR_PASSWORD).getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.call(HttpMethod.GET, "/api/v1/posts/anything", null, SiteAdmin.MODERATOR,
				SiteAdmin.MODERATOR_PASSWORD).getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.call(HttpMethod.POST, "/api/v1/posts/anything/close", null, null, null)
			.getStatusCode().value()).isEqualTo(401);
		assertThat(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void postsBelongToARegisteredSiteAndAreListedPageByPage() {
		String site = SiteAdmin.uniqueId("list");
		this.admin.firstUseSite(site);
		for (String post : new String[] { "a", "b", "c" }) {
			assertThat(registerPost(site + "-" + post, site).getStatusCode().value()).isEqualTo(201);
		}
		ResponseEntity<String> unknown = registerPost(site + "-x", "no-such-" + site);
		assertThat(unknown.getStatusCode().value()).isEqualTo(422);
		assertThat(unknown.getBody()).contains("\"field\":\"siteId\"");

		JsonNode first = json(this.admin.asAdmin(HttpMethod.GET, "/api/v1/sites/" + site + "/posts?limit=2"));
		assertThat(first.get("posts").size()).isEqualTo(2);
		assertThat(first.get("posts").get(0).get("id").asString()).isEqualTo(site + "-a");
		assertThat(first.get("posts").get(0).get("authorEmail").asString()).isEqualTo("bea@blog.example");
		JsonNode second = json(this.admin.asAdmin(HttpMethod.GET,
				"/api/v1/sites/" + site + "/posts?limit=2&after=" + first.get("next").asString()));
		assertThat(second.get("posts").size()).isEqualTo(1);
		assertThat(second.get("next").isNull()).isTrue();

		JsonNode post = json(this.admin.asAdmin(HttpMethod.GET, "/api/v1/posts/" + site + "-b"));
		assertThat(post.get("siteId").asString()).isEqualTo(site);
		assertThat(post.get("commentsOpen").asBoolean()).isTrue();
		JsonNode closed = json(this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + site + "-b/close"));
		assertThat(closed.get("commentsClosed").asBoolean()).isTrue();
		assertThat(closed.get("commentsOpen").asBoolean()).isFalse();
		JsonNode reopened = json(this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + site + "-b/reopen"));
		assertThat(reopened.get("commentsOpen").asBoolean()).isTrue();
		assertThat(this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + site + "-none/close").getStatusCode().value())
			.isEqualTo(404);
	}

	private ResponseEntity<String> registerPost(String id, String site) {
		return this.admin.call(HttpMethod.PUT, "/api/v1/posts/" + id, """
				{"title": "Post %1$s", "url": "https://%2$s.example/posts/%1$s/", "authorName": "Bea",
				 "authorEmail": "bea@blog.example", "siteId": "%2$s"}""".formatted(id, site), Api.ADMIN, Api.ADMIN_PASSWORD);
	}

	private JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

}
