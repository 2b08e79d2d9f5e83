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
		return LocalDateTime.parse(value.strip(), WORDPRESS).toInstant(ZoneOffset.UTC);
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

	/** Unix seconds with a fraction, as Isso stores them. */
	/** An RFC 3339 date of a record, or a {@link SourceReader.BadRecord} at its position naming the field. */
	static Instant iso(String value, String position, String field) {
		try {
			return iso(value);
		}
		catch (java.time.DateTimeException ex) {
			throw new SourceReader.BadRecord(position, "A " + field + " that is not RFC 3339: " + value);
		}
	}

	static Instant unixSeconds(double seconds) {
		BigDecimal exact = BigDecimal.valueOf(seconds);
		long whole = exact.longValue();
		long nanos = exact.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		return Instant.ofEpochSecond(whole, nanos);
	}

}
