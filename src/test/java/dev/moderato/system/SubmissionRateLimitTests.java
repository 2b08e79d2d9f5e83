package dev.moderato.system;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network that floods the public submit endpoint gets 429 with Retry-After; other networks do not notice, and a
 * proxy's own (private) network is never limited. Clients are told apart by X-Forwarded-For, as behind a proxy.
 */
@IntegrationTest
class SubmissionRateLimitTests {

	@LocalServerPort
	int port;

	@Test
	void aFloodingNetworkIsSlowedDownAndOthersAreNot() {
		// 20 a minute: the first 20 pass; the bucket refills one every 3 s, so 60 in a row cannot all pass
		int passed = 0;
		ResponseEntity<String> limited = null;
		for (int i = 0; i < 60 && limited == null; i++) {
			ResponseEntity<String> response = submit("203.0.113." + (10 + i)); // one /24
			if (response.getStatusCode().value() == 429) {
				limited = response;
			}
			else {
				assertThat(response.getStatusCode().value()).isEqualTo(404);
				passed++;
			}
		}
		assertThat(passed).isGreaterThanOrEqualTo(20);
		assertThat(limited).isNotNull();
		assertThat(limited.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(limited.getHeaders().getContentType()).hasToString("application/problem+json");

		assertThat(submit("198.51.100.17").getStatusCode().value()).as("another network").isEqualTo(404);
		assertThat(submit("10.0.0.5").getStatusCode().value()).as("a private network").isEqualTo(404);
	}

	private ResponseEntity<String> submit(String client) {
		return RestClient.create("http://localhost:" + this.port).post().uri("/api/v1/posts/rate-limit-nowhere/comments")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Forwarded-For", client)
			.body("{\"authorName\": \"R\", \"authorEmail\": \"r@mail.example\", \"text\": \"hi\"}")
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

}
