package dev.moderato.spam;

import java.util.Arrays;
import java.util.List;

/**
 * A set of word phrases matched against a text's folded words in one pass: each phrase is indexed by the hash of its
 * first word (an open-addressing table of primitive ints, no boxing), so a text is checked word by word without
 * trying every phrase at every word; a candidate phrase is compared by its words' hashes before its characters.
 */
final class Phrases {

	private final String[][] phrases;

	/** {@link Analysis#wordHash(String)} of each phrase's words. */
	private final int[][] hashes;

	/** Open addressing by first-word hash: the key, and the phrases starting with it in ascending order. */
	private final int[] keys;

	private final int[][] byFirstWord;

	private final int mask;

	private Phrases(String[][] phrases) {
		this.phrases = phrases;
		this.hashes = new int[phrases.length][];
		int capacity = Integer.highestOneBit(Math.max(8, phrases.length * 2)) << 2; // mostly one probe per word
		this.keys = new int[capacity];
		this.byFirstWord = new int[capacity][];
		this.mask = capacity - 1;
		for (int p = 0; p < phrases.length; p++) {
			this.hashes[p] = new int[phrases[p].length];
			for (int k = 0; k < phrases[p].length; k++) {
				this.hashes[p][k] = Analysis.wordHash(phrases[p][k]);
			}
			if (phrases[p].length > 0) {
				int slot = slot(this.hashes[p][0]);
				if (this.byFirstWord[slot] == null) {
					this.keys[slot] = this.hashes[p][0];
					this.byFirstWord[slot] = new int[] { p };
				}
				else {
					int[] list = Arrays.copyOf(this.byFirstWord[slot], this.byFirstWord[slot].length + 1);
					list[list.length - 1] = p;
					this.byFirstWord[slot] = list;
				}
			}
		}
	}

	/** The slot holding this first-word hash, or the empty slot where it would go (word hashes are well mixed). */
	private int slot(int hash) {
		int slot = hash & this.mask;
		while (this.byFirstWord[slot] != null && this.keys[slot] != hash) {
			slot = (slot + 1) & this.mask;
		}
		return slot;
	}

	private int @org.jspecify.annotations.Nullable [] startingWith(int hash) {
		return this.byFirstWord[slot(hash)];
	}

	private boolean matches(Analysis text, int w, int p) {
		int[] words = this.hashes[p];
		if (w + words.length > text.wordCount) {
			return false;
		}
		for (int k = 1; k < words.length; k++) {
			if (text.wordHashes[w + k] != words[k]) {
				return false;
			}
		}
		return text.wordsMatch(w, this.phrases[p]);
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
			int[] candidates = startingWith(text.wordHashes[w]);
			if (candidates != null) {
				for (int p : candidates) {
					if (matches(text, w, p)) {
						found.accept(p);
					}
				}
			}
		}
	}

	/** The index of the first phrase found in the text (by position), or -1. */
	int firstMatch(Analysis text) {
		for (int w = 0; w < text.wordCount; w++) {
			int[] candidates = startingWith(text.wordHashes[w]);
			if (candidates != null) {
				for (int p : candidates) {
					if (matches(text, w, p)) {
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
