package dev.moderato.gdpr;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public thread's avatars: identicons from a keyed hash, never a Gravatar-style digest of the email.
 */
@IntegrationTest
class AvatarTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Test
	void sameCommenterGetsTheSameIdenticonThatRevealsNothingAboutTheEmail() throws Exception {
		Api api = new Api(this.port, this.json);
		String post = "avatar-" + UUID.randomUUID().toString().substring(0, 8);
		String ann = "ann." + UUID.randomUUID() + "@example.org";
		api.registerPost(post, "Faces", "Fay", "fay@blog.example");
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		fixtures.approvedComment(post, "Ann", ann, "First");
		fixtures.approvedComment(post, "Ann", " " + ann.toUpperCase() + " ", "Second");
		fixtures.approvedComment(post, "Bob", "bob." + UUID.randomUUID() + "@example.org", "Third");

		JsonNode thread = api.json(api.get("/api/v1/posts/" + post + "/comments")).get("comments");
		List<String> avatars = List.of(thread.get(0).get("avatar").asString(), thread.get(1).get("avatar").asString(),
				thread.get(2).get("avatar").asString());

		assertThat(avatars).allMatch(a -> a.matches("http://localhost:" + this.port + "/api/v1/avatars/[0-9a-f]{16}\\.svg"));
		assertThat(avatars.get(0)).isEqualTo(avatars.get(1)).isNotEqualTo(avatars.get(2));
		String id = avatars.get(0).replaceAll(".*/([0-9a-f]{16})\\.svg", "$1");
		for (String digest : List.of(hex("MD5", ann), hex("SHA-1", ann), hex("SHA-256", ann),
				this.privacy.hash(ann).value())) {
			assertThat(digest).as("neither a plain digest of the email nor the lookup hash").doesNotContain(id);
		}

		ResponseEntity<String> svg = api.get(URI.create(avatars.get(0)).getPath());
		assertThat(svg.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(svg.getHeaders().getContentType()).hasToString("image/svg+xml");
		assertThat(svg.getHeaders().getCacheControl()).contains("public").contains("max-age");
		assertThat(svg.getBody()).startsWith("<svg").contains("<rect").endsWith("</svg>");
		assertThat(api.get(URI.create(avatars.get(0)).getPath()).getBody()).as("deterministic").isEqualTo(svg.getBody());
	}

	@Test
	void unknownAvatarIdsAreNotFound() {
		Api api = new Api(this.port, this.json);
		assertThat(api.get("/api/v1/avatars/not-an-id.svg").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api.get("/api/v1/avatars/0123456789ABCDEF.svg").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private static String hex(String algorithm, String email) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
			.digest(email.strip().toLowerCase().getBytes(StandardCharsets.UTF_8)));
	}

}
