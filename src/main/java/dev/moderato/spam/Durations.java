package dev.moderato.spam;

import java.time.Duration;

/**
 * Durations in a moderator's words: "10 minutes", "1.5 s".
 */
final class Durations {

	private Durations() {
	}

	static String words(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600 && seconds % 3600 == 0) {
			return plural(seconds / 3600, "hour");
		}
		if (seconds >= 60 && seconds % 60 == 0) {
			return plural(seconds / 60, "minute");
		}
		return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static String plural(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

}
