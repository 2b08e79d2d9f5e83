package dev.moderato.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moderato export files written on the fly for tests: a small blog history covering every status, or a large
 * generated one, streamed to disk.
 */
final class ImportFiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Map<String, Object>> posts = new ArrayList<>();

	private final List<Map<String, Object>> comments = new ArrayList<>();

	ImportFiles post(String id, String url, String title) {
		this.posts.add(Map.of("id", id, "url", url, "title", title, "createdAt", "2019-03-01T10:00:00Z"));
		return this;
	}

	ImportFiles comment(String id, String post, String parent, String name, String email, String status, String text,
			String at) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("id", id);
		c.put("postId", post);
		c.put("parentId", parent);
		c.put("authorName", name);
		c.put("authorEmail", email);
		c.put("authorUrl", null);
		c.put("ip", "198.51.100.77");
		c.put("createdAt", at);
		c.put("status", status);
		c.put("kind", "comment");
		c.put("text", text);
		this.comments.add(c);
		return this;
	}

	ImportFiles raw(Map<String, Object> comment) {
		this.comments.add(comment);
		return this;
	}

	String json() {
		return JSON.writeValueAsString(Map.of("format", "moderato-export", "version", 1, "posts", this.posts, "comments",
				this.comments));
	}

	Path write(Path dir) throws IOException {
		Path file = Files.createTempFile(dir, "import-", ".json");
		Files.writeString(file, json());
		return file;
	}

	/**
	 * A large history streamed to disk: {@code posts} posts, {@code comments} comments, every fifth a reply to the one
	 * before, a mix of statuses.
	 */
	static Path generated(Path dir, String urlPrefix, int posts, int comments) throws IOException {
		Path file = Files.createTempFile(dir, "large-", ".json");
		String[] statuses = { "approved", "approved", "approved", "held", "spam", "rejected" };
		try (OutputStream out = Files.newOutputStream(file);
				JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
			json.writeStartObject();
			json.writeStringProperty("format", "moderato-export");
			json.writeNumberProperty("version", 1);
			json.writeName("posts");
			json.writeStartArray();
			for (int p = 0; p < posts; p++) {
				json.writeStartObject();
				json.writeStringProperty("id", "p" + p);
				json.writeStringProperty("url", urlPrefix + "post-" + p + "/");
				json.writeStringProperty("title", "Post number " + p);
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeName("comments");
			json.writeStartArray();
			Instant start = Instant.parse("2015-01-01T00:00:00Z");
			for (int c = 0; c < comments; c++) {
				json.writeStartObject();
				json.writeStringProperty("id", "c" + c);
				json.writeStringProperty("postId", "p" + (c / 5 % posts));
				json.writeStringProperty("parentId", c % 5 == 4 ? "c" + (c - 1) : null);
				json.writeStringProperty("authorName", "Reader " + (c % 997));
				json.writeStringProperty("authorEmail", "reader" + (c % 997) + "@large.example");
				json.writeStringProperty("ip", "192.0.2." + (c % 250));
				json.writeStringProperty("createdAt", start.plusSeconds(60L * c).toString());
				json.writeStringProperty("status", statuses[c % statuses.length]);
				json.writeStringProperty("text", "Comment " + c + " on this post: thoughtful words, https://example.org/" + c);
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return file;
	}

}
