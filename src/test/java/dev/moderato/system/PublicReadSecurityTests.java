package dev.moderato.system;

import java.util.UUID;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public reads and comment submissions pass a security chain of their own, without authentication: they still
 * carry the API's security headers, the reads stay publicly cacheable, and the same paths with any other method, and
 * every path beside them, still need an account.
 */
@IntegrationTest
class PublicReadSecurityTests {

	@LocalServerPort
	int port;

	@Test
	void aPublicReadCarriesTheSecurityHeadersAndNoSession() {
		for (String path : new String[] { "/api/v1/posts/no-such-post/comments", "/api/v1/counts?post=no-such-post",
				"/api/v1/comments/" + UUID.randomUUID(), "/api/v1/posts/by-url?url=https://nowhere.example/a" }) {
			ResponseEntity<String> response = send(HttpMethod.GET, path);
			HttpHeaders headers = response.getHeaders();
			assertThat(response.getStatusCode().value()).as(path).isIn(200, 404);
			assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
			assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("strict-origin-when-cross-origin");
			assertThat(headers.get(HttpHeaders.SET_COOKIE)).as(path).isNull();
		}
	}

	@Test
	void aSubmissionIsAnsweredOnItsMeritsWhateverCredentialsComeWithIt() {
		for (String path : new String[] { "/api/v1/posts/no-such-post/comments", "/api/v1/comments" }) {
			ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port)
				.post()
				.uri(path)
				.headers(h -> h.setBasicAuth("nobody", "wrong"))
				.contentType(path.contains("posts") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
				.body(path.contains("posts") ? "{\"authorName\": \"A\", \"authorEmail\": \"a@mail.example\", \"text\": \"Hi\"}"
						: "postUrl=https%3A%2F%2Fnowhere.example%2Fa&authorName=A&authorEmail=a%40mail.example&text=Hi")
				.retrieve()
				.onStatus(status -> true, (request, r) -> {
				})
				.toEntity(String.class);
			assertThat(response.getStatusCode().value()).as(path).isNotIn(401, 403).isLessThan(500);
			assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
			assertThat(response.getHeaders().get(HttpHeaders.SET_COOKIE)).as(path).isNull();
		}
	}

	@Test
	void theCountsStayPubliclyCacheable() {
		ResponseEntity<String> response = send(HttpMethod.GET, "/api/v1/counts?post=no-such-post");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getCacheControl()).contains("public").doesNotContain("no-store");
		assertThat(response.getHeaders().getPragma()).isNull();
	}

	@Test
	void otherMethodsOnThePublicPathsAndThePathsBesideThemNeedAnAccount() {
		assertThat(send(HttpMethod.DELETE, "/api/v1/posts/p/comments").getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.PUT, "/api/v1/counts").getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.DELETE, "/api/v1/comments/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.GET, "/api/v1/posts/p").getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.GET, "/api/v1/posts/p/comments/extra").getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.GET, "/api/v1/moderation/queues").getStatusCode().value()).isEqualTo(401);
		assertThat(send(HttpMethod.GET, "/actuator/prometheus").getStatusCode().value()).isEqualTo(401);
	}

	private ResponseEntity<String> send(HttpMethod method, String path) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.method(method)
			.uri(path)
			.retrieve()
			.onStatus(status -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

}
