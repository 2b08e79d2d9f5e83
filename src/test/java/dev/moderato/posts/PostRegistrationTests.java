package dev.moderato.posts;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only admins register posts; everyone else is told why not, as a problem.
 */
@IntegrationTest
class PostRegistrationTests {

	static final String BODY = """
			{"title": "Hello", "url": "https://blog.example/hello", "authorName": "Bea", "authorEmail": "bea@blog.example"}""";

	@LocalServerPort
	int port;

	@Autowired
	Posts posts;

	@Test
	void anonymousCallersGet401WithAChallenge() {
		ResponseEntity<String> response = put("reg-anon", BODY, null, null);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void wrongPasswordsGet401() {
		assertThat(put("reg-wrong", BODY, "admin", "guess").getStatusCode().value()).isEqualTo(401);
	}

	@Test
	void moderatorsGet403() {
		ResponseEntity<String> response = put("reg-mod", BODY, "moderator", "moderator-dev-password");
		assertThat(response.getStatusCode().value()).isEqualTo(403);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(this.posts.exists(new PostId("reg-mod"))).isFalse();
	}

	@Test
	void adminsCreateThenUpdateAPost() {
		assertThat(put("reg-admin", BODY, "admin", "admin-dev-password").getStatusCode().value()).isEqualTo(201);
		ResponseEntity<String> updated = put("reg-admin", BODY.replace("Hello", "Hello again"), "admin", "admin-dev-password");
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(updated.getBody()).doesNotContain("bea@blog.example");
		assertThat(this.posts.find(new PostId("reg-admin")).orElseThrow().title()).isEqualTo("Hello again");
	}

	@Test
	void invalidPostsAreRefusedWithTheFailingFields() {
		ResponseEntity<String> response = put("reg-bad", "{\"title\": \"\", \"url\": \"ftp://x\", \"authorName\": \"B\", \"authorEmail\": \"nope\"}",
				"admin", "admin-dev-password");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("\"field\":\"title\"", "\"field\":\"url\"", "\"field\":\"authorEmail\"");
	}

	private ResponseEntity<String> put(String id, String body, String user, String password) {
		return RestClient.create("http://localhost:" + this.port).put().uri("/api/v1/posts/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				if (user != null) {
					h.setBasicAuth(user, password);
				}
			})
			.body(body)
			.retrieve()
			.onStatus(s -> true, (req, res) -> {
			})
			.toEntity(String.class);
	}

}
