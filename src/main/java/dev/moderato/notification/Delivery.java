package dev.moderato.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a post author gets mails about comments.
 */
public enum Delivery {

	/** One mail per comment, as it happens. */
	IMMEDIATE,

	/** One digest per hour with the hour's comments, sent when the hour is over. */
	HOURLY,

	/** One digest per day with the day's comments, sent when the day is over. */
	DAILY;

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Delivery> parse(String value) {
		return Arrays.stream(values()).filter(d -> d.wireValue().equals(value)).findFirst();
	}

	/** The end of the digest period {@code at} falls in: the next full hour or the next midnight in {@code zone}. */
	Instant periodEnd(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		return switch (this) {
			case IMMEDIATE -> at;
			case HOURLY -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			case DAILY -> local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		};
	}

}
