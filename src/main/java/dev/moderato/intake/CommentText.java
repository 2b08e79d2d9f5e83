package dev.moderato.intake;

/**
 * The rules for a comment's text: control characters other than tab and line breaks are dropped, line breaks become
 * {@code \n}, surrounding white space is trimmed, and what remains must be 1 to {@value #MAX_LENGTH} characters.
 */
public final class CommentText {

	public static final int MAX_LENGTH = 10_000;

	private CommentText() {
	}

	public static String normalise(String raw) {
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\r') {
				out.append('\n');
				if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else if (c == '\n' || c == '\t' || !isControl(c)) {
				out.append(c);
			}
		}
		return out.toString().strip();
	}

	static boolean isControl(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F);
	}

	static boolean hasControl(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (isControl(value.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
