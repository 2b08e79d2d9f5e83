package dev.moderato.system;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.moderato.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A network that floods the public submit endpoint gets 429 with Retry-After; other networks do not notice. One email
 * is limited whatever networks it comes from. Clients are told apart by X-Forwarded-For, as behind a proxy, but only
 * from the configured proxy (127.0.0.1 in tests): another peer cannot spend a victim network's budget. A blog frontend
 * on another origin can read the 429 and the 413.
 */
@IntegrationTest
class SubmissionRateLimitTests {

	@LocalServerPort
	int port;

	/** A blog served on another origin that the test profile allows (application-embedded.yml). */
	private static final String BLOG_ORIGIN = "http://localhost:4000";

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

	@Test
	void oneEmailIsLimitedFromWhateverNetworkItComes() {
		String email = "flood-" + UUID.randomUUID() + "@mail.example";
		ResponseEntity<String> limited = null;
		int passed = 0;
		for (int i = 0; i < 40 && limited == null; i++) {
			ResponseEntity<String> response = submit("100." + (70 + i) + ".0.9", email, null); // a network each
			if (response.getStatusCode().value() == 429) {
				limited = response;
			}
			else {
				passed++;
			}
		}
		assertThat(passed).isEqualTo(20);
		assertThat(limited).isNotNull();
		assertThat(limited.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(limited.getBody()).contains("email address").doesNotContain(email);
		assertThat(submit("100.69.0.9", "other-" + email, null).getStatusCode().value()).as("another email")
			.isEqualTo(404);
	}

	@Test
	void theEmailLimitedIsTheOneTheSubmissionCarriesNotADecoyBesideIt() {
		String email = "repeat-" + UUID.randomUUID() + "@mail.example";
		int passed = 0;
		ResponseEntity<String> limited = null;
		for (int i = 0; i < 40 && limited == null; i++) {
			// of repeated fields the last is the one bound; a nested one is no field of the submission
			String body = "{\"authorName\": \"R\", \"authorEmail\": \"decoy-" + i + "@mail.example\", \"authorEmail\": \""
					+ email + "\", \"extra\": {\"authorEmail\": \"nested-" + i + "@mail.example\"}, \"text\": \"hi\"}";
			ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port).post()
				.uri("/api/v1/posts/rate-limit-nowhere/comments")
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Forwarded-For", "100.150." + i + ".9")
				.body(body)
				.retrieve()
				.onStatus(s -> true, (q, r) -> {
				})
				.toEntity(String.class);
			if (response.getStatusCode().value() == 429) {
				limited = response;
			}
			else {
				passed++;
			}
		}
		assertThat(passed).isEqualTo(20);
		assertThat(limited).isNotNull();
		assertThat(limited.getBody()).contains("email address");
	}

	@Test
	void aForwardedForFromAPeerThatIsNotTheProxyIsIgnored() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(submitFrom("127.0.0.2", "192.0.2." + (10 + i))).as("a loopback peer as itself").startsWith("HTTP/1.1 404");
		}
		assertThat(submit("192.0.2.77").getStatusCode().value()).as("the victim network's budget is untouched")
			.isEqualTo(404);
	}

	@Test
	void aBlogOnAnotherOriginCanReadThe429AndItsRetryAfter() {
		ResponseEntity<String> response = null;
		for (int i = 0; i < 40 && (response == null || response.getStatusCode().value() != 429); i++) {
			response = submit("198.51.200." + i, "cors-" + i + "@mail.example", BLOG_ORIGIN);
		}
		assertThat(response.getStatusCode().value()).isEqualTo(429);
		assertThat(response.getHeaders().getAccessControlAllowOrigin()).isNotBlank();
		assertThat(response.getHeaders().getAccessControlExposeHeaders()).contains("Retry-After");
	}

	@Test
	void aBlogOnAnotherOriginCanReadThe413() {
		ResponseEntity<String> response = RestClient.create("http://localhost:" + this.port).post()
			.uri("/api/v1/posts/rate-limit-nowhere/comments")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Origin", BLOG_ORIGIN)
			.body("{\"text\": \"" + "x".repeat(70_000) + "\"}")
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getHeaders().getAccessControlAllowOrigin()).isNotBlank();
	}

	private ResponseEntity<String> submit(String client) {
		return submit(client, "r-" + UUID.randomUUID() + "@mail.example", null); // an email each: only networks count
	}

	private ResponseEntity<String> submit(String client, String email, @Nullable String origin) {
		return RestClient.create("http://localhost:" + this.port).post().uri("/api/v1/posts/rate-limit-nowhere/comments")
			.contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				h.set("X-Forwarded-For", client);
				if (origin != null) {
					h.setOrigin(origin);
				}
			})
			.body("{\"authorName\": \"R\", \"authorEmail\": \"" + email + "\", \"text\": \"hi\"}")
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

	/** A raw HTTP/1.1 submission from another loopback address than the trusted proxy's; @return the status line. */
	private String submitFrom(String peer, String forwardedFor) throws Exception {
		byte[] body = "{\"authorName\": \"S\", \"authorEmail\": \"s@mail.example\", \"text\": \"hi\"}"
			.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(peer), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/posts/rate-limit-nowhere/comments HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nConnection: close\r\nX-Forwarded-For: " + forwardedFor
					+ "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
		}
	}

}
