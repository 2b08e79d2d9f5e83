package dev.moderato.imports.formats;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson for the JSON formats: one mapper, and field access that treats missing, null and blank alike.
 */
final class Json {

	/** For one whole JSON text (a line of JSON lines): anything after its value is an error. */
	static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** For values read one after the other from a streaming parser: the next value is no error. */
	static final JsonMapper STREAMING = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private Json() {
	}

	/** The trimmed text of a field, or {@code null} if it is missing, null, not text or blank. */
	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isString() && !value.isNumber()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text.strip();
	}

	/** The text of a field exactly as written, empty if missing. */
	static String rawText(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.stringValue() : "";
	}

}
