package dev.moderato.imports;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a source's comment made fit for Moderato's columns: the same limits intake applies to a submission
 * (name 1–100 code points without control characters, an http(s) author URL of at most 2000, an email of at most 254),
 * except that what does not fit is cut or dropped rather than refused, since the history is what it is.
 */
final class ImportedFields {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private ImportedFields() {
	}

	static String name(@Nullable String name) {
		String clean = name == null ? "" : CONTROL.matcher(name).replaceAll("").replace('\n', ' ').strip();
		return clean.isEmpty() ? "Anonymous" : cut(clean, 100);
	}

	static @Nullable String url(@Nullable String url) {
		if (url == null || url.isBlank() || url.length() > 2000) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null
					|| url.indexOf('\'') >= 0) {
				return null;
			}
			return uri.toASCIIString().replaceFirst("^[A-Za-z]+://[^/?#]+",
					scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT));
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	/** The address if it looks like one, else {@code null} (stored as a never-mailed placeholder). */
	static @Nullable String email(@Nullable String email) {
		if (email == null) {
			return null;
		}
		String clean = email.strip();
		return clean.length() <= 254 && EMAIL.matcher(clean).matches() ? clean : null;
	}

	/** At most {@code max} code points. */
	static String cut(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max));
	}

}
