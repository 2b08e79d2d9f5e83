package dev.moderato.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Topics;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad submissions get a precise problem response, and nothing reaches the topic.
 */
@IntegrationTest
class SubmissionValidationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	GreenMail greenMail;

	Api api;

	Topics topics;

	long topicSizeBefore;

	static final String POST = "validation-post";

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port, this.json);
		this.topics = new Topics(this.consumers);
		this.api.registerPost(POST, "Validation", "Val Author", "val-author@blog.example");
		this.topicSizeBefore = this.topics.size(CommentSubmitted.TOPIC);
	}

	@AfterEach
	void nothingReachedTheTopic() {
		assertThat(this.topics.size(CommentSubmitted.TOPIC)).isEqualTo(this.topicSizeBefore);
	}

	static Stream<Arguments> badFields() {
		String longText = "x".repeat(10_001);
		return Stream.of(Arguments.of("authorName", null, "must not be blank"),
				Arguments.of("authorName", "   ", "must not be blank"),
				Arguments.of("authorName", "n".repeat(101), "size must be between 0 and 100"),
				Arguments.of("authorName", "Eve\r\nBcc: victim@example.com", "must not contain control characters"),
				Arguments.of("authorEmail", null, "must not be blank"),
				Arguments.of("authorEmail", "not-an-email", "must be a valid email address"),
				Arguments.of("authorEmail", "a".repeat(250) + "@x.io", "size must be between 0 and 254"),
				Arguments.of("authorEmail", "eve@example.com\nBcc: x@y.z", "must not contain control characters or spaces"),
				Arguments.of("authorUrl", "javascript:alert(1)", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "/relative", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://x.example/" + "a".repeat(2000), "size must be between 0 and 2000"),
				Arguments.of("authorUrl", "https://x.example/\"><script>", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://x.example/it's", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://x.example/\u2028", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://x.example/\u0085", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://bank.example@evil.example/", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorUrl", "https://x.example/%zz", "must be an absolute http or https URL without spaces or control characters"),
				Arguments.of("authorName", "\uD83D\uDE00".repeat(101), "size must be between 0 and 100"),
				Arguments.of("text", null, "must not be null"),
				Arguments.of("text", " \n\t ", "must be 1 to 10000 characters after trimming"),
				Arguments.of("text", longText, "must be 1 to 10000 characters after trimming"),
				Arguments.of("parentId", "42", "must be a comment id"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("badFields")
	void rejectsEachBadFieldNamingItAndWhy(String field, String value, String message) {
		Map<String, Object> form = validForm();
		form.put(field, value);

		ResponseEntity<String> response = this.api.submit(POST, form);

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = this.api.json(response);
		assertThat(problem.get("title").asString()).isEqualTo("Invalid request");
		List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).distinct().toList();
		List<String> messages = problem.get("errors").valueStream().map(e -> e.get("message").asString()).toList();
		assertThat(fields).containsExactly(field);
		assertThat(messages).contains(message);
		assertThat(problem.get("detail").asString()).isEqualTo("Invalid " + field + ".");
		assertThat(response.getBody()).doesNotContain("victim@example.com", "x@y.z");
	}

	@Test
	void acceptsTextThatIsExactlyTenThousandCharactersAfterTrimming() {
		Map<String, Object> form = validForm();
		form.put("text", "  " + "y".repeat(10_000) + "\n");
		assertThat(this.api.submit(POST, form).getStatusCode().value()).isEqualTo(202);
		this.topicSizeBefore++; // this one is meant to arrive
	}

	@Test
	void countsCharactersAsPeopleDoAndNormalisesTheWebsitesSchemeAndHost() {
		Map<String, Object> form = validForm();
		form.put("authorName", "\uD83D\uDE00".repeat(100));
		form.put("authorUrl", "HTTPS://Ann.Example/Path?Q=1");
		form.put("text", "\uD83C\uDF70".repeat(CommentText.MAX_LENGTH));
		ResponseEntity<String> response = this.api.submit(POST, form);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
		this.topicSizeBefore++; // this one is meant to arrive
		CommentId id = new CommentId(UUID.fromString(this.api.json(response).get("id").asString()));

		Comment stored = await().atMost(Duration.ofSeconds(30)).until(() -> this.comments.find(id), Optional::isPresent).get();
		assertThat(stored.author().name()).isEqualTo("\uD83D\uDE00".repeat(100));
		assertThat(stored.author().url()).isEqualTo("https://ann.example/Path?Q=1");
	}

	@Test
	void refusesABodyThatIsNotWellFormedUtf8NamingTheBody() {
		// C0 AF is an overlong encoding of '/': a lenient decoder reads it as a slash
		byte[] body = "{\"authorName\": \"A\", \"authorEmail\": \"a@mail.example\", \"text\": \"a\u0001b\"}"
			.replace("\u0001", "\u00c0\u00af").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		ResponseEntity<String> response = org.springframework.web.client.RestClient.create("http://localhost:" + this.port)
			.post().uri("/api/v1/posts/" + POST + "/comments").contentType(MediaType.APPLICATION_JSON).body(body)
			.retrieve().onStatus(st -> true, (req, res) -> {
			}).toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(this.api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("body");
	}

	@Test
	void refusesALoneSurrogateNamingTheField() {
		ResponseEntity<String> response = this.api.postJson("/api/v1/posts/" + POST + "/comments",
				"{\"authorName\": \"A\", \"authorEmail\": \"a@mail.example\", \"text\": \"x\\ud800y\"}");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		JsonNode problem = this.api.json(response);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("text");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("unpaired surrogate");
	}

	@Test
	void refusesANonJsonContentTypeWith415() {
		ResponseEntity<String> response = this.api.post("/api/v1/posts/" + POST + "/comments", MediaType.TEXT_PLAIN, "hello");
		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void refusesMalformedJsonWith400() {
		ResponseEntity<String> response = this.api.postJson("/api/v1/posts/" + POST + "/comments", "{\"authorName\": \"A\",");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(this.api.json(response).get("title").asString()).isEqualTo("Malformed request body");
	}

	@Test
	void refusesABodyOverTheLimitWith413() {
		Map<String, Object> form = validForm();
		form.put("text", "z".repeat(70_000));
		ResponseEntity<String> response = this.api.submit(POST, form);
		assertThat(response.getStatusCode().value()).isEqualTo(413);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

	@Test
	void refusesAStreamedBodyOverTheLimitWith413() throws Exception {
		java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI
			.create("http://localhost:" + this.port + "/api/v1/posts/" + POST + "/comments").toURL().openConnection();
		connection.setDoOutput(true);
		connection.setRequestMethod("POST");
		connection.setChunkedStreamingMode(4096);
		connection.setRequestProperty("Content-Type", "application/json");
		try (java.io.OutputStream out = connection.getOutputStream()) {
			out.write(("{\"authorName\":\"A\",\"authorEmail\":\"a@b.example\",\"text\":\"" + "z".repeat(70_000) + "\"}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		assertThat(connection.getResponseCode()).isEqualTo(413);
		assertThat(connection.getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void answersAnUnknownPostWith404() {
		ResponseEntity<String> response = this.api.submit("no-such-post", validForm());
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(this.api.json(response).get("title").asString()).isEqualTo("Unknown post");
	}

	@Test
	void answersAMalformedPostIdWith400() {
		ResponseEntity<String> response = this.api.submit("bad id!", validForm());
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(this.api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("postId");
	}

	@Test
	void refusesAParentThatDoesNotExistWith422() {
		Map<String, Object> form = validForm();
		form.put("parentId", UUID.randomUUID().toString());
		ResponseEntity<String> response = this.api.submit(POST, form);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(this.api.json(response).get("errors").get(0).get("field").asString()).isEqualTo("parentId");
	}

	@Test
	void refusesAParentFromAnotherPostWith422() {
		this.api.registerPost("validation-other", "Other", "O", "o@blog.example");
		Comment elsewhere = fixtures().approvedComment("validation-other", "Ola", "ola@mail.example", "Hi");
		Map<String, Object> form = validForm();
		form.put("parentId", elsewhere.id().toString());
		ResponseEntity<String> response = this.api.submit(POST, form);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(this.api.json(response).get("detail").asString()).contains("belongs to another post");
	}

	@Test
	void refusesAReplyToAHeldCommentWith422() {
		Comment held = fixtures().heldComment(POST, "Hal", "hal@mail.example", "Pending");
		Map<String, Object> form = validForm();
		form.put("parentId", held.id().toString());
		ResponseEntity<String> response = this.api.submit(POST, form);
		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(this.api.json(response).get("detail").asString()).contains("not published");
	}

	private CommentFixtures fixtures() {
		return new CommentFixtures(this.comments, this.privacy);
	}

	private static Map<String, Object> validForm() {
		Map<String, Object> form = new HashMap<>();
		form.put("authorName", "Val");
		form.put("authorEmail", "val@mail.example");
		form.put("text", "A fine comment.");
		return form;
	}


}
