package dev.moderato.spam;

import java.util.List;

/**
 * Signal: text written mostly in capitals, or with runs of exclamation marks.
 */
final class Shouting implements Signal {

	private static final int MIN_LETTERS = 12;

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		String text = evidence.candidate().text();
		if (evidence.text().shouting) {
			findings.add(Finding.score("written in capitals", 0.2));
		}
		else if (longestRun(text, '!') >= 4) {
			findings.add(Finding.score("runs of exclamation marks", 0.1));
		}
	}

	/** At least {@value #MIN_LETTERS} letters, of which at least 70% are capitals. */
	static boolean isShouting(String text) {
		int letters = 0;
		int upper = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) { // ASCII: no table look-up
				int lower = c | 0x20;
				if (lower >= 'a' && lower <= 'z') {
					letters++;
					upper += c <= 'Z' ? 1 : 0;
				}
			}
			else if (Character.isLetter(c)) {
				letters++;
				if (Character.isUpperCase(c)) {
					upper++;
				}
			}
		}
		return letters >= MIN_LETTERS && upper * 10 >= letters * 7;
	}

	private static int longestRun(String text, char c) {
		int longest = 0;
		int run = 0;
		for (int i = 0; i < text.length(); i++) {
			run = text.charAt(i) == c ? run + 1 : 0;
			longest = Math.max(longest, run);
		}
		return longest;
	}

}
