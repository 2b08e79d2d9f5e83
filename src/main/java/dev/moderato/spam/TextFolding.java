package dev.moderato.spam;

import java.text.Normalizer;

/**
 * Folds text to the form the classifier and the word lists see: compatibility-normalised (NFKC, so full-width and
 * "mathematical bold" letters become plain ones), invisible format characters (zero-width, bidi controls, BOM)
 * removed, common Cyrillic and Greek look-alikes mapped to Latin, and lower-cased. One linear pass.
 */
final class TextFolding {

	private static final String LOOKALIKES = "аaеeоoрpсcуyхxіiѕsјjԁdһhԛqԝwνvοoαaιiκkρpτtυuχxεeηnмmтtкkвb";

	private TextFolding() {
	}

	static String fold(String raw) {
		String html = HtmlText.decode(raw);
		if (isAscii(html)) {
			// what the loop below makes of ASCII: nothing is invisible or a look-alike, only A-Z change
			return html.toLowerCase(java.util.Locale.ROOT);
		}
		String text = Normalizer.normalize(html, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (!isInvisible(cp)) {
				out.appendCodePoint(Character.toLowerCase(cp));
			}
		}
		if (out.length() != text.length() || !isAscii(text)) {
			latiniseMixedWords(out);
		}
		return out.toString();
	}

	/** Maps look-alikes to Latin only inside words that also hold Latin letters, so Russian or Greek text stays. */
	private static void latiniseMixedWords(StringBuilder text) {
		int i = 0;
		while (i < text.length()) {
			int start = i;
			boolean latin = false;
			boolean lookalike = false;
			while (i < text.length() && Character.isLetter(text.charAt(i))) {
				char c = text.charAt(i++);
				latin |= c < 0x250;
				lookalike |= isLookalike(c);
			}
			if (latin && lookalike) {
				for (int j = start; j < i; j++) {
					text.setCharAt(j, (char) latinLookalike(text.charAt(j)));
				}
			}
			i = Math.max(i, start + 1);
		}
	}

	/** Zero-width, bidi and other format characters, which change what a reader sees, not what a filter reads. */
	static boolean isInvisible(int cp) {
		return Character.getType(cp) == Character.FORMAT;
	}

	/** Cyrillic or Greek letters that render like Latin ones. */
	static boolean isLookalike(int cp) {
		return cp >= 0x370 && LOOKALIKES.indexOf(Character.toLowerCase(cp)) % 2 == 0;
	}

	private static int latinLookalike(int cp) {
		if (cp < 0x370 || cp > 0x52F) {
			return cp;
		}
		int at = LOOKALIKES.indexOf(cp);
		return (at >= 0 && at % 2 == 0) ? LOOKALIKES.charAt(at + 1) : cp;
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

}
