package dev.moderato;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the running service over real HTTP, as a blog frontend or an admin would, and keeps every response body so a
 * test can check what was ever said publicly.
 */
public final class Api {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-dev-password";

	private final RestClient http;

	private final JsonMapper json;

	private final StringBuilder transcript = new StringBuilder();

	public Api(int port, JsonMapper json) {
		this.http = RestClient.builder().baseUrl("http://localhost:" + port).build();
		this.json = json;
	}

	public ResponseEntity<String> get(String path) {
		return keep(this.http.get().uri(path).retrieve().onStatus(s -> true, (req, res) -> {
		}).toEntity(String.class));
	}

	public ResponseEntity<String> postJson(String path, String body) {
		return post(path, MediaType.APPLICATION_JSON, body);
	}

	public ResponseEntity<String> post(String path, MediaType type, String body) {
		return keep(this.http.post().uri(path).contentType(type).body(body).retrieve().onStatus(s -> true, (req, res) -> {
		}).toEntity(String.class));
	}

	public ResponseEntity<String> submit(String postId, Map<String, Object> form) {
		return postJson("/api/v1/posts/" + postId + "/comments", this.json.writeValueAsString(form));
	}

	public ResponseEntity<String> registerPost(String postId, String title, String authorName, String authorEmail) {
		String body = this.json.writeValueAsString(Map.of("title", title, "url", "https://blog.example/" + postId,
				"authorName", authorName, "authorEmail", authorEmail));
		return keep(this.http.put().uri("/api/v1/posts/" + postId).contentType(MediaType.APPLICATION_JSON)
			.headers(h -> h.setBasicAuth(ADMIN, ADMIN_PASSWORD)).body(body).retrieve().onStatus(s -> true, (req, res) -> {
			}).toEntity(String.class));
	}

	public JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	/** Every response body and header received so far. */
	public String transcript() {
		return this.transcript.toString();
	}

	private ResponseEntity<String> keep(ResponseEntity<String> response) {
		HttpHeaders headers = response.getHeaders();
		this.transcript.append(response.getStatusCode()).append(' ').append(headers).append('\n')
			.append(response.getBody()).append('\n');
		return response;
	}

}
