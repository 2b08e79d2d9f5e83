package dev.moderato.system;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads JSON strings as Jackson does, but refuses one holding an unpaired surrogate (the escape {@code "\ud800"}
 * alone): it is no Unicode text, and storing or sending it silently turns it into {@code ?}. The error carries the
 * field's path, so the problem names it.
 */
final class WellFormedStrings extends StdScalarDeserializer<String> {

	static final String MESSAGE = "is not well-formed Unicode text (it contains an unpaired surrogate)";

	WellFormedStrings() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = StringDeserializer.instance.deserialize(parser, context);
		if (value != null && hasUnpairedSurrogate(value)) {
			throw InvalidFormatException.from(parser, MESSAGE, "(not shown)", String.class);
		}
		return value;
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Textual;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

	@Override
	public Object getEmptyValue(DeserializationContext context) {
		return "";
	}

	static boolean hasUnpairedSurrogate(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
