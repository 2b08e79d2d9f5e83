package dev.moderato.imports.formats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The date notations of the export formats, all read as instants.
 */
final class Dates {

	private static final DateTimeFormatter WORDPRESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Dates() {
	}

	/** WordPress's {@code 2026-05-01 12:34:56} in GMT; {@code null} for its "no date" {@code 0000-00-00 00:00:00}. */
	static @Nullable Instant wordpress(@Nullable String value) {
		if (value == null || value.isBlank() || value.startsWith("0000-00-00")) {
			return null;
		}
		String text = value.strip();
		if (isWordpressShaped(text)) { // the usual case, read by position (the formatter is slow for a million dates)
			return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10), number(text, 11, 13),
					number(text, 14, 16), number(text, 17, 19)).toInstant(ZoneOffset.UTC); // ranges checked here
		}
		return LocalDateTime.parse(text, WORDPRESS).toInstant(ZoneOffset.UTC); // anything else: its error
	}

	/** {@code dddd-dd-dd dd:dd:dd}, ASCII digits. */
	private static boolean isWordpressShaped(String text) {
		if (text.length() != 19) {
			return false;
		}
		for (int i = 0; i < 19; i++) {
			char c = text.charAt(i);
			boolean ok = switch (i) {
				case 4, 7 -> c == '-';
				case 10 -> c == ' ';
				case 13, 16 -> c == ':';
				default -> c >= '0' && c <= '9';
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static int number(String text, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (text.charAt(i) - '0');
		}
		return n;
	}

	/** RFC 3339 / ISO 8601 with an offset ({@code 2026-05-01T12:34:56Z}, {@code ...+02:00}, fractions allowed). */
	static Instant iso(String value) {
		String text = value.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException noOffset) {
			// Disqus writes UTC without a zone in some exports
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
	}

	/** An RFC 3339 date of a record, or a {@link SourceReader.BadRecord} at its position naming the field. */
	static Instant iso(String value, String position, String field) {
		try {
			return iso(value);
		}
		catch (java.time.DateTimeException ex) {
			throw new SourceReader.BadRecord(position, "A " + field + " that is not RFC 3339: " + value);
		}
	}

	/** Unix seconds with a fraction, as Isso stores them. */
	static Instant unixSeconds(double seconds) {
		BigDecimal exact = BigDecimal.valueOf(seconds);
		long whole = exact.longValue();
		long nanos = exact.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		return Instant.ofEpochSecond(whole, nanos);
	}

}
