package dev.moderato.system;

import java.util.regex.Pattern;

/**
 * Error text safe to store and log: SMTP servers and the mail library put recipient addresses into their messages
 * ("550 5.1.1 &lt;ann@example.org&gt;: user unknown", "Invalid Addresses"), a database error may quote a row, and a
 * stored error or a log line must never carry an address.
 */
public final class ScrubbedError {

	/** Anything shaped like an address: local part, "@", a domain or address literal. */
	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\",;:@]+@[^\\s<>()\",;:@]+");

	private ScrubbedError() {
	}

	public static String scrub(String text) {
		return ADDRESS.matcher(text).replaceAll("[address]");
	}

	/** The exception's class and message, and those of its causes, scrubbed; at most 1000 characters. */
	public static String of(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null && text.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
			if (!text.isEmpty()) {
				text.append("; caused by ");
			}
			text.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				text.append(": ").append(t.getMessage());
			}
		}
		String scrubbed = scrub(text.toString());
		return scrubbed.length() > 1000 ? scrubbed.substring(0, 1000) : scrubbed;
	}

}
