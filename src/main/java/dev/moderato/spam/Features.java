package dev.moderato.spam;

import java.util.Arrays;

/**
 * Turns an {@link Analysis} into hashed feature indices (the "hashing trick"): word unigrams and bigrams, character
 * 3- to 5-grams, linked domains, self-promotion bait phrases and a few shape features (length, links, contacts,
 * shouting). Each feature family hashes with its own seed into {@value #BITS} bits; the result is sorted and
 * de-duplicated, so it is a set of present features.
 */
final class Features {

	static final int BITS = 18;

	static final int SIZE = 1 << BITS;

	static final int WORD = 0x9e3779b1;

	private static final int BIGRAM = 0x85ebca6b;

	private static final int CHARS = 0xc2b2ae35;

	private static final int DOMAIN = 0x27d4eb2f;

	private static final int SHAPE = 0x165667b1;

	private Features() {
	}

	static int[] of(Analysis text) {
		Sink sink = new Sink(text.folded.length() * 3 + text.wordCount * 2 + 16);
		int previous = 0;
		for (int w = 0; w < text.wordCount; w++) {
			int word = text.wordHashes[w];
			sink.add(word);
			if (w > 0) {
				sink.add(mix(BIGRAM ^ previous, word));
			}
			previous = word;
		}
		addCharacterGrams(text.folded, sink);
		for (String domain : text.domains) {
			sink.add(hash(DOMAIN, domain, 0, domain.length()));
		}
		Bait.PHRASES.forEachMatch(text, (id) -> sink.add(mix(SHAPE, 1000 + id)));
		addShape(text, sink);
		return sink.distinct();
	}

	static int wordIndex(Analysis text, int w) {
		return index(text.wordHashes[w]);
	}

	static int bigramIndex(Analysis text, int w) {
		return index(mix(BIGRAM ^ text.wordHashes[w - 1], text.wordHashes[w]));
	}

	/** Character n-grams over the text with runs of white space collapsed to one space. */
	private static void addCharacterGrams(String folded, Sink sink) {
		// the last five characters, c4 the newest (the same FNV-1a hashes as over a five-character window)
		char c0 = 0;
		char c1 = 0;
		char c2 = 0;
		char c3 = 0;
		int filled = 0;
		boolean space = true;
		for (int i = 0; i < folded.length(); i++) {
			char c4 = folded.charAt(i);
			if (c4 < 0x80 ? c4 == ' ' || (c4 >= 0x09 && c4 <= 0x0d) || (c4 >= 0x1c && c4 <= 0x1f)
					: Character.isWhitespace(c4)) {
				if (space) {
					continue;
				}
				c4 = ' ';
			}
			space = c4 == ' ';
			filled++;
			if (filled >= 3) {
				sink.add(fmix(((((CHARS + 3) ^ c2) * 0x01000193 ^ c3) * 0x01000193 ^ c4) * 0x01000193));
			}
			if (filled >= 4) {
				sink.add(fmix((((((CHARS + 4) ^ c1) * 0x01000193 ^ c2) * 0x01000193 ^ c3) * 0x01000193 ^ c4)
						* 0x01000193));
			}
			if (filled >= 5) {
				sink.add(fmix(((((((CHARS + 5) ^ c0) * 0x01000193 ^ c1) * 0x01000193 ^ c2) * 0x01000193 ^ c3)
						* 0x01000193 ^ c4) * 0x01000193));
			}
			c0 = c1;
			c1 = c2;
			c2 = c3;
			c3 = c4;
		}
	}

	private static void addShape(Analysis text, Sink sink) {
		sink.add(mix(SHAPE, 1 + Math.min(6, 32 - Integer.numberOfLeadingZeros(text.wordCount))));
		sink.add(mix(SHAPE, 10 + Math.min(3, text.domains.size())));
		if (text.phoneNumbers > 0) {
			sink.add(mix(SHAPE, 20));
		}
		if (text.emailAddresses > 0) {
			sink.add(mix(SHAPE, 21));
		}
		if (text.shouting) {
			sink.add(mix(SHAPE, 22));
		}
	}

	static int hash(int seed, String text, int from, int to) {
		int h = seed;
		for (int i = from; i < to; i++) {
			h = (h ^ text.charAt(i)) * 0x01000193;
		}
		return fmix(h);
	}

	private static int mix(int a, int b) {
		return fmix(a * 31 + b * 0x9e3779b1);
	}

	/** MurmurHash3's finaliser: spreads every input bit over the output. */
	private static int fmix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private static int index(int hash) {
		return hash >>> (32 - BITS);
	}

	private static final class Sink {

		/** Per thread, all clear between calls: which indices {@link #distinct()} has seen. */
		private static final ThreadLocal<long[]> SEEN = ThreadLocal.withInitial(() -> new long[SIZE / 64]);

		private int[] values;

		private int size;

		Sink(int capacity) {
			this.values = new int[capacity];
		}

		void add(int hash) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2 + 8);
			}
			this.values[this.size++] = index(hash);
		}

		/**
		 * The distinct indices, in first-seen order, by one bit per index in this thread's {@value #SIZE}-bit set
		 * (cleared again before returning), so no table is allocated or hashed per comment.
		 */
		int[] distinct() {
			long[] seen = SEEN.get();
			int out = 0;
			for (int i = 0; i < this.size; i++) {
				int value = this.values[i];
				long bit = 1L << value;
				int word = value >>> 6;
				if ((seen[word] & bit) == 0) {
					seen[word] |= bit;
					this.values[out++] = value;
				}
			}
			for (int i = 0; i < out; i++) {
				seen[this.values[i] >>> 6] = 0;
			}
			return Arrays.copyOf(this.values, out);
		}

	}

}
