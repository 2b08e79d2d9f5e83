package dev.moderato.spam;

import org.jspecify.annotations.Nullable;

/**
 * Finds the words that pushed the classifier towards spam most: the run of one to four consecutive words whose
 * unigram and bigram weights sum highest. Words that belong to an email address or hold a long number are masked,
 * so a reason never repeats contact details.
 */
final class Explanation {

	private static final int MAX_WORDS = 4;

	private Explanation() {
	}

	/** The strongest spam phrase, or {@code null} if no word counts towards spam. */
	static @Nullable String strongestPhrase(Analysis text, int featureCount, Model model) {
		int n = text.wordCount;
		if (n == 0) {
			return null;
		}
		double[] weight = new double[n];
		double value = featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount);
		for (int w = 0; w < n; w++) {
			weight[w] += model.contribution(Features.wordIndex(text, w), value);
			if (w > 0) {
				double bigram = model.contribution(Features.bigramIndex(text, w), value) / 2;
				weight[w - 1] += bigram;
				weight[w] += bigram;
			}
		}
		int bestFrom = -1;
		int bestTo = -1;
		double best = 0;
		for (int from = 0; from < n; from++) {
			double sum = 0;
			for (int to = from; to < Math.min(n, from + MAX_WORDS); to++) {
				sum += weight[to];
				if (sum > best) {
					best = sum;
					bestFrom = from;
					bestTo = to;
				}
			}
		}
		if (bestFrom < 0) {
			return null;
		}
		StringBuilder phrase = new StringBuilder();
		for (int w = bestFrom; w <= bestTo; w++) {
			phrase.append(w > bestFrom ? " " : "").append(isPrivate(text, w) ? "…" : text.word(w));
		}
		return phrase.toString();
	}

	/** Part of a token with an {@code @}, or a word with five or more digits. */
	private static boolean isPrivate(Analysis text, int w) {
		String folded = text.folded;
		int from = text.wordStarts[w];
		int to = text.wordEnds[w];
		int digits = 0;
		for (int i = from; i < to; i++) {
			digits += Character.isDigit(folded.charAt(i)) ? 1 : 0;
		}
		if (digits >= 5) {
			return true;
		}
		while (from > 0 && !Character.isWhitespace(folded.charAt(from - 1))) {
			if (folded.charAt(--from) == '@') {
				return true;
			}
		}
		while (to < folded.length() && !Character.isWhitespace(folded.charAt(to))) {
			if (folded.charAt(to++) == '@') {
				return true;
			}
		}
		return false;
	}

}
