package dev.moderato.spam;

/**
 * Reads comment text the way a browser would show it: character references ({@code &#39;}, {@code &quot;},
 * {@code &amp;}) decoded and line-break tags ({@code <br />}) turned into spaces, so escaped and plain text look
 * alike to the classifier; plain formatting tags ({@code <b>}, {@code </em>}, ...) are dropped, since they say nothing
 * about spam. Other tags stay (their links still count). One linear pass.
 */
final class HtmlText {

	private static final int MAX_REFERENCE = 10;

	private HtmlText() {
	}

	static String decode(String text) {
		if (text.indexOf('&') < 0 && text.indexOf('<') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '&') {
				int end = text.indexOf(';', i);
				if (end > i + 1 && end - i <= MAX_REFERENCE) {
					int decoded = reference(text.substring(i + 1, end));
					if (decoded >= 0) {
						out.appendCodePoint(decoded);
						i = end + 1;
						continue;
					}
				}
			}
			else if (c == '<' && (isLineBreakTag(text, i) || isFormattingTag(text, i))) {
				out.append(' ');
				i = text.indexOf('>', i) + 1;
				continue;
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

	private static boolean isLineBreakTag(String text, int at) {
		int end = Math.min(text.length(), at + 6);
		String head = text.substring(at, end).toLowerCase(java.util.Locale.ROOT);
		return (head.startsWith("<br>") || head.startsWith("<br/>") || head.startsWith("<br />"));
	}

	private static final java.util.Set<String> FORMATTING = java.util.Set.of("b", "i", "u", "s", "em", "strong", "small",
			"big", "code", "pre", "p", "span", "div", "blockquote", "q", "sub", "sup", "tt", "mark");

	private static boolean isFormattingTag(String text, int at) {
		int i = at + 1;
		if (i < text.length() && text.charAt(i) == '/') {
			i++;
		}
		int start = i;
		while (i < text.length() && i - start <= 10 && Character.isLetter(text.charAt(i))) {
			i++;
		}
		return i < text.length() && text.charAt(i) == '>'
				&& FORMATTING.contains(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
	}

	private static int reference(String name) {
		switch (name) {
			case "amp": return '&';
			case "quot": return '"';
			case "apos": return '\'';
			case "lt": return '<';
			case "gt": return '>';
			case "nbsp": return ' ';
			default: break;
		}
		if (name.length() < 2 || name.charAt(0) != '#') {
			return -1;
		}
		boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
		try {
			int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
			return Character.isValidCodePoint(cp) && cp != 0 ? cp : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
