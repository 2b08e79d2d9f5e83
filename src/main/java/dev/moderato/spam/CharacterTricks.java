package dev.moderato.spam;

import java.util.List;

/**
 * Signal: characters that make text look different from what a filter reads: invisible and direction-changing
 * characters, words that mix Latin with Cyrillic or Greek look-alikes, and "styled" mathematical letters.
 */
final class CharacterTricks implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		String text = evidence.candidate().text() + " " + evidence.candidate().authorName();
		int invisible = 0;
		int styled = 0;
		for (int i = 0; i < text.length();) {
			if (text.charAt(i) < 0x80) { // ASCII is neither invisible nor styled
				i++;
				continue;
			}
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (TextFolding.isInvisible(cp)) {
				invisible++;
			}
			else if (cp >= 0x1D400 && cp <= 0x1D7FF) {
				styled++;
			}
		}
		int mixed = mixedScriptWords(text);
		if (invisible > 0) {
			findings.add(Finding.score(invisible + " invisible or direction-changing characters",
					Math.min(2.0, 0.5 + 0.25 * invisible)));
		}
		if (mixed > 0) {
			findings.add(Finding.evidence(mixed + (mixed == 1 ? " word mixes" : " words mix")
					+ " Latin letters with look-alike letters", Math.min(2.5, 1.0 + 0.5 * mixed)));
		}
		if (styled >= 5) {
			findings.add(Finding.score("text written in styled look-alike letters", 1.0));
		}
	}

	/**
	 * Words of four or more letters made of Latin letters (at least two) and Cyrillic or Greek look-alikes of Latin
	 * letters, and nothing else: "pаypal" with a Cyrillic а. A Greek letter next to a Latin one in a formula
	 * ({@code αx}, {@code θ_x}) or a Greek or Russian word is not a trick.
	 */
	static int mixedScriptWords(String text) {
		int words = 0;
		int latin = 0;
		int lookalike = 0;
		int other = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ' ';
			// ASCII without the table look-ups: a Latin letter, or (never invisible) a word's end
			if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
				if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
					latin++;
				}
				else if (TextFolding.isLookalike(c)) {
					lookalike++;
				}
				else {
					other++;
				}
			}
			else if (c < 0x80 || !TextFolding.isInvisible(c)) {
				if (latin >= 2 && lookalike > 0 && other == 0 && latin + lookalike >= 4) {
					words++;
				}
				latin = 0;
				lookalike = 0;
				other = 0;
			}
		}
		return words;
	}

}
