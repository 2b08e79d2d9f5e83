package dev.moderato.privacy;

import java.util.regex.Pattern;

/**
 * A keyed (HMAC-SHA256) hash of a normalised email address: the only way to find a commenter's
 * comments without decrypting anything. Without the key it cannot be reversed or matched to an address.
 */
public record EmailHash(String value) {

	private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

	public EmailHash {
		if (value == null || !HEX_64.matcher(value).matches()) {
			throw new IllegalArgumentException("An email hash is 64 lower-case hex digits");
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
