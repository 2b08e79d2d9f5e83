package dev.moderato.sites;

import java.util.regex.Pattern;

/**
 * A site's id, chosen by the admin who registers it: 1 to 50 of {@code a-z 0-9 -}, starting with a letter or digit.
 */
public record SiteId(String value) {

	public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,49}";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	/** The site every post registered before sites existed belongs to. */
	public static final SiteId DEFAULT = new SiteId("default");

	public SiteId {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"A site id is 1 to 50 characters of a-z, 0-9 and '-', starting with a letter or digit");
		}
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
