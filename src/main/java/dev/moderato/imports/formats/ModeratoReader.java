package dev.moderato.imports.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Moderato's own export ({@code "format": "moderato-export", "version": 1}) with Jackson's streaming parser:
 * the header fields, then one post or comment object at a time, so a file of any size is read in bounded memory.
 */
final class ModeratoReader implements SourceReader {

	static final String FORMAT = "moderato-export";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final InputStream in;

	private final JsonParser parser;

	private @Nullable String section;

	private int index;

	ModeratoReader(Path file) throws IOException {
		this.in = Files.newInputStream(file);
		try {
			this.parser = JSON.createParser(this.in);
			if (this.parser.nextToken() != JsonToken.START_OBJECT) {
				throw new BrokenFile("Not a Moderato export: it does not start with a JSON object", null);
			}
		}
		catch (JacksonException ex) {
			this.in.close();
			throw new BrokenFile("Not a Moderato export: " + ex.getOriginalMessage(), ex);
		}
	}

	@Override
	public @Nullable Object next() {
		try {
			while (true) {
				if (this.section != null) {
					JsonToken token = this.parser.nextToken();
					if (token == JsonToken.END_ARRAY) {
						this.section = null;
						continue;
					}
					if (token != JsonToken.START_OBJECT) {
						throw new BrokenFile("Expected an object in '" + this.section + "' at line " + line(), null);
					}
					int at = this.index++;
					int line = line();
					JsonNode node = this.parser.readValueAsTree();
					String position = this.section + "[" + at + "] (line " + line + ")";
					return this.section.equals("posts") ? post(node, position) : comment(node, position);
				}
				JsonToken token = this.parser.nextToken();
				if (token == JsonToken.END_OBJECT || token == null) {
					return null;
				}
				String name = this.parser.currentName();
				JsonToken value = this.parser.nextToken();
				switch (name) {
					case "format" -> {
						if (!FORMAT.equals(this.parser.getString())) {
							throw new BrokenFile("Not a Moderato export: format is not '" + FORMAT + "'", null);
						}
					}
					case "version" -> {
						if (value != JsonToken.VALUE_NUMBER_INT || this.parser.getIntValue() != 1) {
							throw new BrokenFile("Unsupported Moderato export version (this reads version 1)", null);
						}
					}
					case "posts", "comments" -> {
						if (value != JsonToken.START_ARRAY) {
							throw new BrokenFile("'" + name + "' is not an array", null);
						}
						this.section = name;
						this.index = 0;
					}
					default -> this.parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			throw new BrokenFile("Broken JSON at line " + line() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private int line() {
		return this.parser.currentLocation().getLineNr();
	}

	private static SourcePost post(JsonNode node, String position) {
		String id = required(node, "id", position);
		return new SourcePost(id, optional(node, "url"), optional(node, "title"), instant(node, "createdAt", position, false),
				node.path("commentsClosed").asBoolean(false));
	}

	private static SourceComment comment(JsonNode node, String position) {
		String status = required(node, "status", position).toUpperCase(Locale.ROOT);
		SourceStatus mapped;
		try {
			mapped = SourceStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRecord(position, "unknown status '" + node.path("status").asString() + "'");
		}
		String kind = node.path("kind").asString("comment").toUpperCase(Locale.ROOT);
		SourceComment.Kind parsedKind = switch (kind) {
			case "PINGBACK" -> SourceComment.Kind.PINGBACK;
			case "TRACKBACK" -> SourceComment.Kind.TRACKBACK;
			default -> SourceComment.Kind.COMMENT;
		};
		Instant createdAt = instant(node, "createdAt", position, true);
		return new SourceComment(position, required(node, "id", position), required(node, "postId", position),
				optional(node, "parentId"), optional(node, "authorName"), optional(node, "authorEmail"),
				optional(node, "authorUrl"), optional(node, "ip"), createdAt, required(node, "text", position), false,
				mapped, parsedKind);
	}

	private static String required(JsonNode node, String field, String position) {
		String value = optional(node, field);
		if (value == null || value.isEmpty()) {
			throw new BadRecord(position, "'" + field + "' is missing");
		}
		return value;
	}

	private static @Nullable String optional(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static @Nullable Instant instant(JsonNode node, String field, String position, boolean required) {
		String value = required ? required(node, field, position) : optional(node, field);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadRecord(position, "'" + field + "' is not an ISO-8601 instant");
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.parser.close();
		}
		finally {
			this.in.close();
		}
	}

}
