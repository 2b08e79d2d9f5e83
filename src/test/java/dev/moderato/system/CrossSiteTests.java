package dev.moderato.system;

import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site cannot make a moderator's browser act through the API with Basic credentials it cached, and
 * browsers are never sent the Basic challenge that would make them cache any.
 */
@IntegrationTest
class CrossSiteTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	Comment held;

	@BeforeEach
	void setUp() {
		String post = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(post, "Forged", "Fay", "fay@blog.example");
		this.held = new CommentFixtures(this.comments, this.privacy).heldComment(post, "Spammer", "spam@mail.example",
				"Approve me");
	}

	@Test
	void aCrossSiteFormPostWithBasicCredentialsIsRefused() {
		assertThat(approve("Sec-Fetch-Site", "cross-site").getStatusCode().value()).isEqualTo(403);
		assertThat(approve("Sec-Fetch-Site", "same-site").getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> origin = approve("Origin", "https://spam.example");
		assertThat(origin.getStatusCode().value()).as("a browser without Fetch metadata").isEqualTo(403);
		assertThat(origin.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(origin.getBody()).contains("another site");
		assertThat(this.comments.find(this.held.id()).orElseThrow().status()).isEqualTo(CommentStatus.HELD);

		assertThat(approve("Sec-Fetch-Site", "same-origin").getStatusCode().value()).as("from its own pages")
			.isEqualTo(200);
	}

	@Test
	void browsersGetNoBasicChallengeOtherClientsDo() {
		ResponseEntity<String> browser = get("Sec-Fetch-Mode", "navigate");
		assertThat(browser.getStatusCode().value()).isEqualTo(401);
		assertThat(browser.getHeaders().getFirst("WWW-Authenticate")).doesNotStartWith("Basic");
		assertThat(get("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").getHeaders().getFirst("WWW-Authenticate"))
			.doesNotStartWith("Basic");
		assertThat(get("User-Agent", "curl/8.5.0").getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
	}

	private ResponseEntity<String> approve(String header, String value) {
		return RestClient.create("http://localhost:" + this.port).post()
			.uri("/api/v1/moderation/comments/" + this.held.id() + "/approve")
			.headers(h -> {
				h.setBasicAuth(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
				h.set(header, value);
			})
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

	private ResponseEntity<String> get(String header, String value) {
		return RestClient.create("http://localhost:" + this.port).get().uri("/api/v1/moderation/queues")
			.header(header, value)
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

}
