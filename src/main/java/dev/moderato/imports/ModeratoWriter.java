package dev.moderato.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.moderato.comments.CommentTransfer.ExportedComment;
import dev.moderato.sites.Site;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Moderato's export format with Jackson's streaming generator, one comment at a time (the format is described
 * in the README, "Import and export").
 */
final class ModeratoWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final OutputStream out;

	ModeratoWriter(OutputStream out) {
		this.out = out;
	}

	void write(Site site, List<ExportedPost> posts, boolean withEmails, Consumer<Consumer<ExportedComment>> comments,
			Instant now) throws IOException {
		try (JsonGenerator json = JSON.createGenerator(this.out, JsonEncoding.UTF8)) {
			json.writeStartObject();
			json.writeStringProperty("format", "moderato-export");
			json.writeNumberProperty("version", 1);
			json.writeStringProperty("exportedAt", now.toString());
			json.writeBooleanProperty("withEmails", withEmails);
			json.writeName("site");
			json.writeStartObject();
			json.writeStringProperty("id", site.id().value());
			json.writeStringProperty("name", site.name());
			json.writeEndObject();
			json.writeName("posts");
			json.writeStartArray();
			for (ExportedPost post : posts) {
				json.writeStartObject();
				json.writeStringProperty("id", post.id());
				json.writeStringProperty("url", post.url());
				json.writeStringProperty("title", post.title());
				json.writeStringProperty("createdAt", post.createdAt().toString());
				json.writeBooleanProperty("commentsClosed", post.commentsClosed());
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeName("comments");
			json.writeStartArray();
			comments.accept(c -> comment(json, c, withEmails));
			json.writeEndArray();
			json.writeEndObject();
		}
	}

	private static void comment(JsonGenerator json, ExportedComment c, boolean withEmails) {
		json.writeStartObject();
		json.writeStringProperty("id", c.id().toString());
		json.writeStringProperty("postId", c.postId());
		json.writeStringProperty("parentId", c.parentId() == null ? null : c.parentId().toString());
		json.writeStringProperty("authorName", c.authorName());
		if (withEmails) {
			json.writeStringProperty("authorEmail", c.email());
		}
		json.writeStringProperty("authorUrl", c.authorUrl());
		json.writeStringProperty("createdAt", c.submittedAt().toString());
		json.writeStringProperty("status", c.status().name().toLowerCase(Locale.ROOT));
		json.writeStringProperty("kind", kind(c));
		json.writeStringProperty("text", c.text());
		json.writeEndObject();
	}

	static String kind(ExportedComment c) {
		return c.reasons().contains("pingback") ? "pingback" : c.reasons().contains("trackback") ? "trackback" : "comment";
	}

}
