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

	private final Phrases spam;

	private final Phrases hold;

	WordLists(SpamSettings settings) {
		this.spamWords = settings.spamWords();
		this.holdWords = settings.holdWords();
		this.spam = Phrases.folded(this.spamWords);
		this.hold = Phrases.folded(this.holdWords);
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int s = this.spam.firstMatch(evidence.text());
		if (s >= 0) {
			findings.add(Finding.spam("contains \"" + this.spamWords.get(s) + "\", a listed spam word"));
		}
		int h = this.hold.firstMatch(evidence.text());
		if (h >= 0) {
			findings.add(Finding.hold("contains \"" + this.holdWords.get(h) + "\", a word held for review", 0));
		}
	}

}
