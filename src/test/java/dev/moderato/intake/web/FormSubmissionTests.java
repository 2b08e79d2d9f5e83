package dev.moderato.intake.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.SiteAdmin;
import dev.moderato.posts.PostId;
import dev.moderato.posts.PostUrl;
import dev.moderato.posts.Posts;
import dev.moderato.sites.SiteId;
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
 * A plain HTML form, without JavaScript: sent from a page of the post's site, it is answered with a 303 back to the
 * post's stored URL and a notice (awaiting moderation, or the fields in error, the same as for JSON); from anywhere
 * else, 403. It is rate limited per email as JSON is.
 */
@IntegrationTest
class FormSubmissionTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Posts posts;

	SiteAdmin admin;

	String site;

	String origin;

	String post;

	@BeforeEach
	void registerSiteAndPost() {
		this.admin = new SiteAdmin(this.port);
		this.site = SiteAdmin.uniqueId("form");
		this.origin = "https://" + this.site + ".example";
		this.admin.firstUseSite(this.site);
		this.post = this.site + "-hello";
		assertThat(this.admin.call(HttpMethod.PUT, "/api/v1/posts/" + this.post, """
				{"title": "Hello", "url": "%s/posts/hello/?lang=en", "authorName": "Bea", "authorEmail": "bea@blog.example",
				 "siteId": "%s"}""".formatted(this.origin, this.site), Api.ADMIN, Api.ADMIN_PASSWORD).getStatusCode().value())
			.isEqualTo(201);
	}

	@Test
	void anAcceptedFormRedirectsToTheStoredPostWithTheAwaitingNotice() {
		Map<String, String> fields = SiteAdmin.comment("Sent without JavaScript");
		fields.put("notifyReplies", "on");
		fields.put("parentId", "");
		fields.put("honeypot", "");
		ResponseEntity<String> response = this.admin.submitForm("/api/v1/posts/" + this.post + "/comments", fields,
				Map.of("Origin", this.origin));
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		String location = response.getHeaders().getLocation().toString();
		assertThat(location).startsWith(this.origin + "/posts/hello/?lang=en&moderato=awaiting&moderato-comment=")
			.endsWith("#moderato-awaiting");
		String id = location.replaceAll(".*moderato-comment=([^#&]+).*", "$1");
		assertThat(this.admin.get("/api/v1/comments/" + id, Map.of()).getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void aFormByPageUrlFromTheSitesPageCreatesThePostAndRedirectsToIt() {
		String page = this.origin + "/posts/no-js/";
		Map<String, String> fields = SiteAdmin.comment("First, by form");
		fields.put("postUrl", page + "?utm_source=feed");
		fields.put("postTitle", "No JS");
		ResponseEntity<String> response = this.admin.submitForm("/api/v1/comments", fields,
				Map.of("Referer", page + "?utm_source=feed"));
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		assertThat(response.getHeaders().getLocation().toString()).startsWith(page + "?moderato=awaiting&");
		PostId id = PostUrl.derivedId(new SiteId(this.site), page);
		assertThat(this.posts.find(id).orElseThrow().title()).isEqualTo("No JS");
	}

	@Test
	void anInvalidFormRedirectsWithTheSameFieldsAsJsonWouldName() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("authorName", "");
		fields.put("authorEmail", "not-an-email");
		fields.put("text", "   ");
		fields.put("timeToSubmitMs", "-5");
		ResponseEntity<String> response = this.admin.submitForm("/api/v1/posts/" + this.post + "/comments", fields,
				Map.of("Origin", this.origin));
		assertThat(response.getStatusCode().value()).isEqualTo(303);
		String location = response.getHeaders().getLocation().toString();
		assertThat(location).startsWith(this.origin + "/posts/hello/?lang=en&moderato=error&moderato-errors=")
			.endsWith("#moderato-error");
		Set<String> formFields = new TreeSet<>(
				Arrays.asList(location.replaceAll(".*moderato-errors=([^#&]+).*", "$1").split(",")));

		ResponseEntity<String> asJson = this.admin.submitJson(this.post,
				"{\"authorName\": \"\", \"authorEmail\": \"not-an-email\", \"text\": \"   \", \"timeToSubmitMs\": -5}", null);
		assertThat(asJson.getStatusCode().value()).isEqualTo(400);
		Set<String> jsonFields = new TreeSet<>();
		this.json.readTree(asJson.getBody()).get("errors").forEach(e -> jsonFields.add(e.get("field").asString()));
		assertThat(formFields).isEqualTo(jsonFields).contains("authorName", "authorEmail", "text", "timeToSubmitMs");
	}

	@Test
	void aFormFromAnotherOriginOrFromNowhereIsRefused() {
		Map<String, String> fields = SiteAdmin.comment("Forged");
		for (Map<String, String> headers : java.util.List.of(Map.of("Origin", "https://evil.example"),
				Map.of("Referer", "https://evil.example/" + this.site + ".example/"), Map.<String, String>of())) {
			ResponseEntity<String> response = this.admin.submitForm("/api/v1/posts/" + this.post + "/comments", fields,
					headers);
			assertThat(response.getStatusCode().value()).as(headers.toString()).isEqualTo(403);
			assertThat(response.getHeaders().getLocation()).isNull();
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		}
		assertThat(this.admin.submitForm("/api/v1/comments", fields, Map.of("Origin", this.origin)).getStatusCode()
			.value()).as("no post named").isEqualTo(404);
	}

	@Test
	void oneEmailIsRateLimitedOnTheFormToo() {
		String email = "form-flood-" + UUID.randomUUID() + "@mail.example";
		this.admin.asAdmin(HttpMethod.POST, "/api/v1/posts/" + this.post + "/close");
		ResponseEntity<String> limited = null;
		int passed = 0;
		for (int i = 0; i < 40 && limited == null; i++) {
			Map<String, String> fields = SiteAdmin.comment("Flood " + i);
			fields.put("authorEmail", email);
			// refused after the rate limit (comments are closed), so nothing reaches Kafka
			ResponseEntity<String> response = this.admin.submitForm("/api/v1/posts/" + this.post + "/comments", fields,
					Map.of("X-Forwarded-For", "100." + (120 + i) + ".0.9", "Origin", this.origin));
			if (response.getStatusCode().value() == 429) {
				limited = response;
			}
			else {
				assertThat(response.getStatusCode().value()).isEqualTo(403);
				passed++;
			}
		}
		assertThat(passed).isEqualTo(20);
		assertThat(limited).isNotNull();
		assertThat(limited.getBody()).contains("email address").doesNotContain(email);
	}


}
