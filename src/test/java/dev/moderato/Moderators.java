package dev.moderato;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Calls the moderation and account APIs over real HTTP as a given account (Basic) or token (Bearer).
 */
public final class Moderators {

	public static final String MODERATOR = "moderator";

	public static final String MODERATOR_PASSWORD = "moderator-dev-password";

	private final RestClient http;

	private final JsonMapper json;

	private Moderators(int port, JsonMapper json, java.util.function.Consumer<HttpHeaders> auth) {
		this.http = RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(auth).build();
		this.json = json;
	}

	public static Moderators as(int port, JsonMapper json, String user, String password) {
		return new Moderators(port, json, h -> h.setBasicAuth(user, password));
	}

	public static Moderators withToken(int port, JsonMapper json, String token) {
		return new Moderators(port, json, h -> h.setBearerAuth(token));
	}

	public static Moderators anonymous(int port, JsonMapper json) {
		return new Moderators(port, json, h -> {
		});
	}

	public ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	public ResponseEntity<String> post(String path, Object body) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
			.body(body instanceof String s ? s : this.json.writeValueAsString(body))
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	public ResponseEntity<String> post(String path) {
		return this.http.post().uri(path).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	public ResponseEntity<String> put(String path, Object body) {
		return this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(this.json.writeValueAsString(body))
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	public ResponseEntity<String> delete(String path) {
		return this.http.delete().uri(path).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	public ResponseEntity<String> act(String commentId, String action) {
		return post("/api/v1/moderation/comments/" + commentId + "/" + action);
	}

	/** Acts only if the comment still has the given ETag. */
	public ResponseEntity<String> act(String commentId, String action, String etag) {
		return this.http.post().uri("/api/v1/moderation/comments/" + commentId + "/" + action).header("If-Match", etag)
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	public JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	public static Map<String, Object> form(Object... pairs) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
