package dev.moderato.notification;

/**
 * Header values never carry line breaks or other control characters, so nothing a commenter or an admin typed can
 * add a header.
 */
final class MailHeaders {

	private static final int MAX = 200;

	private MailHeaders() {
	}

	static String safe(String value) {
		StringBuilder out = new StringBuilder(Math.min(value.length(), MAX));
		for (int i = 0; i < value.length() && out.length() < MAX; i++) {
			char c = value.charAt(i);
			out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
		}
		return out.toString().strip();
	}

}
