package dev.moderato;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Registers sites and posts as an admin would, and sends what a browser sends (Origin, Referer, a plain HTML form),
 * over real HTTP. Redirects are never followed, so a test sees the 303 itself.
 */
public final class SiteAdmin {

	public static final String MODERATOR = "moderator";

	public static final String MODERATOR_PASSWORD = "moderator-dev-password";

	private final RestClient http;

	public SiteAdmin(int port) {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory())
			.build();
	}

	/** A site id no other test uses. */
	public static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Registers a site that creates posts on first use, on {@code https://<id>.example}, prefix {@code /posts/}. */
	public ResponseEntity<String> firstUseSite(String id) {
		return putSite(id, """
				{"name": "Blog %1$s", "origins": ["https://%1$s.example"], "postUrlPrefixes": ["https://%1$s.example/posts/"],
				 "authorName": "Ada", "authorEmail": "ada@%1$s.example", "createPostsOnFirstUse": true}""".formatted(id));
	}

	public ResponseEntity<String> putSite(String id, String json) {
		return call(HttpMethod.PUT, "/api/v1/sites/" + id, json, Api.ADMIN, Api.ADMIN_PASSWORD);
	}

	public ResponseEntity<String> call(HttpMethod method, String path, @Nullable String json, @Nullable String user,
			@Nullable String password) {
		RestClient.RequestBodySpec request = this.http.method(method).uri(path).headers(h -> {
			if (user != null) {
				h.setBasicAuth(user, password);
			}
		});
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(json);
		}
		return request.retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	public ResponseEntity<String> asAdmin(HttpMethod method, String path) {
		return call(method, path, null, Api.ADMIN, Api.ADMIN_PASSWORD);
	}

	/** A JSON submission as a page's script sends it, with the page's Origin (none if {@code null}). */
	public ResponseEntity<String> submitJson(String postId, String json, @Nullable String origin) {
		return this.http.post().uri("/api/v1/posts/" + postId + "/comments").contentType(MediaType.APPLICATION_JSON)
			.headers(h -> {
				if (origin != null) {
					h.setOrigin(origin);
				}
			})
			.body(json).retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	/** A plain HTML form post; {@code headers} such as Origin, Referer, X-Forwarded-For. */
	public ResponseEntity<String> submitForm(String path, Map<String, String> fields, Map<String, String> headers) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers(h -> headers.forEach(h::set))
			.body(body).retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	public ResponseEntity<String> get(String path, Map<String, String> headers) {
		return this.http.get().uri(path).headers(h -> headers.forEach(h::set)).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	/** A comment's fields, as a valid form has them. */
	public static Map<String, String> comment(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("authorName", "Reader");
		fields.put("authorEmail", "reader-" + UUID.randomUUID() + "@mail.example");
		fields.put("text", text);
		return fields;
	}

}
