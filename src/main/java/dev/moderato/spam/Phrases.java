package dev.moderato.spam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of word phrases matched against a text's folded words in one pass: each phrase is indexed by the hash of its
 * first word, so a text is checked word by word without trying every phrase at every word.
 */
final class Phrases {

	private final String[][] phrases;

	private final Map<Integer, List<Integer>> byFirstWord = new HashMap<>();

	private Phrases(String[][] phrases) {
		this.phrases = phrases;
		for (int p = 0; p < phrases.length; p++) {
			if (phrases[p].length > 0) {
				this.byFirstWord.computeIfAbsent(Analysis.wordHash(phrases[p][0]), (k) -> new ArrayList<>()).add(p);
			}
		}
	}

	/** Phrases given as words separated by spaces, already folded (lower case). */
	static Phrases of(String... phrases) {
		String[][] words = new String[phrases.length][];
		for (int i = 0; i < phrases.length; i++) {
			words[i] = phrases[i].split(" ");
		}
		return new Phrases(words);
	}

	/** Phrases given as free text (an owner's word list), folded like comment text. */
	static Phrases folded(List<String> phrases) {
		String[][] words = new String[phrases.size()][];
		for (int i = 0; i < words.length; i++) {
			Analysis text = Analysis.of(phrases.get(i));
			words[i] = new String[text.wordCount];
			for (int w = 0; w < text.wordCount; w++) {
				words[i][w] = text.word(w);
			}
		}
		return new Phrases(words);
	}

	/** Phrase {@code index} as words separated by spaces. */
	String phrase(int index) {
		return String.join(" ", this.phrases[index]);
	}

	int size() {
		return this.phrases.length;
	}

	/** Calls {@code found} with the index of each phrase at each place it occurs. */
	void forEachMatch(Analysis text, java.util.function.IntConsumer found) {
		for (int w = 0; w < text.wordCount; w++) {
			List<Integer> candidates = this.byFirstWord.get(text.wordHashes[w]);
			if (candidates != null) {
				for (int p : candidates) {
					if (text.wordsMatch(w, this.phrases[p])) {
						found.accept(p);
					}
				}
			}
		}
	}

	/** The index of the first phrase found in the text (by position), or -1. */
	int firstMatch(Analysis text) {
		for (int w = 0; w < text.wordCount; w++) {
			List<Integer> candidates = this.byFirstWord.get(text.wordHashes[w]);
			if (candidates != null) {
				for (int p : candidates) {
					if (text.wordsMatch(w, this.phrases[p])) {
						return p;
					}
				}
			}
		}
		return -1;
	}

	/** How many times phrases occur in the text. */
	int count(Analysis text) {
		int[] count = new int[1];
		forEachMatch(text, (p) -> count[0]++);
		return count[0];
	}

}
