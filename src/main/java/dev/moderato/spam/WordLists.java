package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the owner's word lists. A spam word marks the comment spam; a hold word holds it. Whole words, matched on
 * the folded text, so {@code ViAgRa} and {@code vіagra} (Cyrillic i) match {@code viagra} but {@code Scunthorpe}
 * does not match a shorter listed word inside it.
 */
final class WordLists implements Signal {

	private final List<String> spamWords;

	private final List<String> holdWords;

	private final String[][] spam;

	private final String[][] hold;

	WordLists(SpamSettings settings) {
		this.spamWords = settings.spamWords();
		this.holdWords = settings.holdWords();
		this.spam = phrases(this.spamWords);
		this.hold = phrases(this.holdWords);
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int s = firstFound(evidence.text(), this.spam);
		if (s >= 0) {
			findings.add(Finding.spam("contains \"" + this.spamWords.get(s) + "\", a listed spam word"));
		}
		int h = firstFound(evidence.text(), this.hold);
		if (h >= 0) {
			findings.add(Finding.hold("contains \"" + this.holdWords.get(h) + "\", a word held for review", 0));
		}
	}

	private static int firstFound(Analysis text, String[][] phrases) {
		for (int w = 0; w < text.wordCount; w++) {
			for (int p = 0; p < phrases.length; p++) {
				if (phrases[p].length > 0 && text.wordsMatch(w, phrases[p])) {
					return p;
				}
			}
		}
		return -1;
	}

	private static String[][] phrases(List<String> words) {
		String[][] phrases = new String[words.size()][];
		for (int i = 0; i < phrases.length; i++) {
			Analysis folded = Analysis.of(words.get(i));
			phrases[i] = new String[folded.wordCount];
			for (int w = 0; w < folded.wordCount; w++) {
				phrases[i][w] = folded.word(w);
			}
		}
		return phrases;
	}

}
