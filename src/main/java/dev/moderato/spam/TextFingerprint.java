package dev.moderato.spam;

import java.time.Duration;

/**
 * Near-duplicate fingerprints of comment texts: a 64-bit SimHash over overlapping three-word shingles of the folded
 * text (case, invisible characters and look-alike letters do not matter). Texts that differ in a word or two have
 * fingerprints a few bits apart. Pure functions: store the fingerprint with each comment, and count stored
 * fingerprints {@link #nearDuplicates(long, long) near} a new one to fill
 * {@link Candidate#sameTextOnOtherPosts()}.
 */
public final class TextFingerprint {

	/** Fingerprints at most this many bits apart are near-duplicates. */
	public static final int NEAR_DUPLICATE_BITS = 3;

	/**
	 * How far back a new comment's near-duplicates are looked for: a comment submitted longer before it is never
	 * compared, so history older than this (an import's) needs no fingerprint.
	 */
	public static final Duration NEAR_DUPLICATE_WINDOW = Duration.ofDays(7);

	private static final int SHINGLE = 3;

	private TextFingerprint() {
	}

	/** The SimHash of the text; {@code 0} for a text without words. */
	public static long of(String text) {
		Analysis words = Analysis.of(text);
		int[] ones = new int[64]; // per bit, the shingles whose hash has it: set if more have it than not
		int shingles = Math.max(1, words.wordCount - SHINGLE + 1);
		if (words.wordCount == 0) {
			return 0;
		}
		for (int s = 0; s < shingles; s++) {
			long h = 0xcbf29ce484222325L;
			for (int w = s; w < Math.min(words.wordCount, s + SHINGLE); w++) {
				for (int i = words.wordStarts[w]; i < words.wordEnds[w]; i++) {
					h = (h ^ words.folded.charAt(i)) * 0x100000001b3L;
				}
				h = (h ^ ' ') * 0x100000001b3L;
			}
			h = mix(h);
			for (int bit = 0; bit < 64; bit++) {
				ones[bit] += (int) ((h >>> bit) & 1); // no branch: the loop unrolls
			}
		}
		long fingerprint = 0;
		for (int bit = 0; bit < 64; bit++) {
			if (2 * ones[bit] > shingles) {
				fingerprint |= 1L << bit;
			}
		}
		return fingerprint;
	}

	/** How many bits two fingerprints differ in (0 to 64). */
	public static int distance(long a, long b) {
		return Long.bitCount(a ^ b);
	}

	/** Whether two fingerprints are of the same or nearly the same text. */
	public static boolean nearDuplicates(long a, long b) {
		return distance(a, b) <= NEAR_DUPLICATE_BITS;
	}

	private static long mix(long h) {
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
