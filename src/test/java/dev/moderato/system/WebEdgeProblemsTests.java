package dev.moderato.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad requests at the web edge get the right 4xx as an RFC 9457 problem, never a 500, an HTML page or Spring's default
 * JSON: another format asked for or sent, a malformed or forged cursor, a query that is not percent-encoded UTF-8, a
 * path Tomcat or the firewall refuses, a form parameter name it refuses, a malformed form body on a PUT, a missing
 * CSRF token, a dead-letter partition that does not exist.
 */
@IntegrationTest
class WebEdgeProblemsTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	WebApplicationContext context;

	@ParameterizedTest
	@ValueSource(strings = { "application/yaml", "application/xml", "text/plain" })
	void aThreadInAnotherFormatThanJsonIs406(String accept) {
		String post = "edge-" + UUID.randomUUID().toString().substring(0, 8);
		new Api(this.port, this.json).registerPost(post, "Edges", "Ed", "ed@blog.example");
		new CommentFixtures(this.comments, this.privacy).approvedComment(post, "Ann", "ann@mail.example", "Published.");

		ResponseEntity<String> response = http().get().uri("/api/v1/posts/" + post + "/comments")
			.header("Accept", accept).retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(406);
		assertProblem(response.getHeaders().getContentType(), response.getBody(), 406);
	}

	@Test
	void aYamlBodyIs415() {
		ResponseEntity<String> response = new Api(this.port, this.json).post("/api/v1/privacy/requests",
				MediaType.parseMediaType("application/yaml"), "email: yaml@mail.example\nkind: export\n");
		assertThat(response.getStatusCode().value()).isEqualTo(415);
		assertProblem(response.getHeaders().getContentType(), response.getBody(), 415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=%%", "q=a%a%", "cursor=%C0%AF", "cursor=eHh8MDE4OTAwMDAtMDAwMC03MDAwLTgwMDAtMDAwMDAwMDAwMDAw" })
	void aMalformedQueryParameterOfAQueueIs400NamingIt(String query) throws IOException {
		Raw response = raw("GET /api/v1/moderation/queues/held?" + query, basic(Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode problem = assertProblem(response.contentType(), response.body(), 400);
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(query.substring(0, query.indexOf('=')));
	}

	@Test
	void theModerationPageRefusesAMalformedOrForgedAfterCursorNamingIt() throws Exception {
		Raw undecodable = raw("GET /moderation?after=%%", null);
		assertThat(undecodable.status()).isEqualTo(400);
		assertThat(assertProblem(undecodable.contentType(), undecodable.body(), 400).get("errors").get(0).get("field")
			.asString()).isEqualTo("after");

		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		mvc.perform(get("/moderation").param("after", "not-a-cursor").with(user(Moderators.MODERATOR).roles("MODERATOR")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("after"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/posts/a%00b/comments", "/api/v1/posts/a%2Fb/comments", "/api/v1/posts/%2e%2e/comments",
			"/api/v1/posts/edge;x=1/comments", "/api/v1/posts/a%0d%0ab/comments", "/moderation/%2e%2e/login" })
	void aPathTomcatOrTheFirewallRefusesIsA400Problem(String path) throws IOException {
		Raw response = raw("GET " + path, null);
		assertThat(response.status()).isEqualTo(400);
		assertProblem(response.contentType(), response.body(), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/posts/demo/comments", "/api/v1/comments" })
	void aFormPostWithAControlCharacterInAParameterNameIsA400Problem(String path) {
		for (String body : new String[] { "a%0D%0Ab=1&authorName=Ann", "{\"x\":\"a\r\nBcc: b@mail.example\"}" }) {
			ResponseEntity<String> response = form(HttpMethod.POST, path, body, false);

			assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
			JsonNode problem = assertProblem(response.getHeaders().getContentType(), response.getBody(), 400);
			assertThat(problem.get("detail").asString()).contains("parameter's name").doesNotContain("Bcc");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT", "PATCH", "DELETE" })
	void aMalformedFormBodyOnAnotherMethodThanPostIsRefusedAsAnyFormBodyIs(String method) {
		for (String body : new String[] { "a=%", "PK\u0003\u0004\u0001=%zz" }) {
			ResponseEntity<String> anonymous = form(HttpMethod.valueOf(method), "/api/v1/posts/demo", body, false);
			ResponseEntity<String> admin = form(HttpMethod.valueOf(method), "/api/v1/posts/demo", body, true);

			assertThat(anonymous.getStatusCode().value()).as(method + " " + body).isEqualTo(401);
			assertProblem(anonymous.getHeaders().getContentType(), anonymous.getBody(), 401);
			// PUT takes JSON only; PATCH and DELETE are not mapped there
			int expected = method.equals("PUT") ? 415 : 405;
			assertThat(admin.getStatusCode().value()).as(method + " " + body).isEqualTo(expected);
			assertProblem(admin.getHeaders().getContentType(), admin.getBody(), expected);
		}
	}

	@Test
	void aFormPostWithoutItsCsrfTokenIsA403Problem() throws IOException {
		Raw response = raw("POST /moderation/actions", null);
		assertThat(response.status()).isEqualTo(403);
		assertProblem(response.contentType(), response.body(), 403);
	}

	@Test
	void replayingFromADeadLetterPartitionThatDoesNotExistIs404() {
		ResponseEntity<String> response = http().post().uri("/actuator/deadletters/comments.submitted.DLT")
			.headers(h -> h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.body("{\"partition\": 99, \"offset\": 0}").retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
	}

	private JsonNode assertProblem(MediaType type, String body, int status) {
		assertThat(type).as(body).isNotNull();
		assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(type + ": " + body).isTrue();
		JsonNode problem = this.json.readTree(body);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	/** A form-encoded body sent as it is, anonymously or as the admin, whatever the answer. */
	private ResponseEntity<String> form(HttpMethod method, String path, String body, boolean asAdmin) {
		return http().method(method).uri(path)
			.headers(h -> {
				if (asAdmin) {
					h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD);
				}
			})
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body).retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class);
	}

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private static String basic(String user, String password) {
		return "Authorization: Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	record Raw(int status, MediaType contentType, String body) {
	}

	/** An HTTP/1.1 request exactly as written: no client library normalises the path. */
	private Raw raw(String requestLine, String header) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\nContent-Length: 0\r\n"
					+ (header == null ? "" : header + "\r\n") + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = text.substring(0, split);
			String body = text.substring(split + 4);
			MediaType type = null;
			boolean chunked = false;
			for (String line : head.split("\r\n")) {
				String lower = line.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-type:")) {
					type = MediaType.parseMediaType(line.substring("content-type:".length()).strip());
				}
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
			}
			if (chunked) {
				body = dechunk(body);
			}
			return new Raw(Integer.parseInt(head.substring(9, 12)), type, body);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
			if (size == 0) {
				return out.toString();
			}
			out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}
