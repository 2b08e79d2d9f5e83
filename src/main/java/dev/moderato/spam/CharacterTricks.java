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
			findings.add(Finding.score(mixed + (mixed == 1 ? " word mixes" : " words mix")
					+ " Latin letters with look-alike letters", Math.min(2.5, 1.0 + 0.5 * mixed)));
		}
		if (styled >= 5) {
			findings.add(Finding.score("text written in styled look-alike letters", 1.0));
		}
	}

	/** Words containing both Latin letters and Cyrillic or Greek look-alikes of Latin letters. */
	static int mixedScriptWords(String text) {
		int words = 0;
		boolean latin = false;
		boolean lookalike = false;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ' ';
			if (Character.isLetter(c)) {
				latin |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
				lookalike |= TextFolding.isLookalike(c);
			}
			else if (!TextFolding.isInvisible(c)) {
				if (latin && lookalike) {
					words++;
				}
				latin = false;
				lookalike = false;
			}
		}
		return words;
	}

}
