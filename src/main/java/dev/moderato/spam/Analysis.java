package dev.moderato.spam;

import java.util.List;

/**
 * A comment text read once for every signal and the classifier: the folded text, its words (as offsets into the
 * folded text), the domains it links to, and the contact details it offers.
 */
final class Analysis {

	final String raw;

	final String folded;

	final int[] wordStarts;

	final int[] wordEnds;

	final int wordCount;

	/** {@link #wordHash(String)} of each word. */
	final int[] wordHashes;

	final List<String> domains;

	/** The full host name of each link, in the order of {@link #domains}. */
	final List<String> hosts;

	/** Links written as HTML anchors or BBCode ({@code <a href=…>words</a>}, {@code [url=…]words[/url]}). */
	final int anchorLinks;

	final int phoneNumbers;

	final int emailAddresses;

	/** {@link Shouting#isShouting(String) Written in capitals} (the raw text). */
	final boolean shouting;

	private Analysis(String raw) {
		this.raw = raw;
		this.folded = TextFolding.fold(raw);
		int[] starts = new int[16];
		int[] ends = new int[16];
		int count = 0;
		int i = 0;
		int n = this.folded.length();
		while (i < n) {
			while (i < n && !isLetterOrDigit(this.folded.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && isWordChar(this.folded.charAt(i))) {
				i++;
			}
			if (i > start) {
				if (count == starts.length) {
					starts = java.util.Arrays.copyOf(starts, count * 2);
					ends = java.util.Arrays.copyOf(ends, count * 2);
				}
				starts[count] = start;
				ends[count++] = i;
			}
		}
		this.wordStarts = starts;
		this.wordEnds = ends;
		this.wordCount = count;
		this.wordHashes = new int[count];
		for (int w = 0; w < count; w++) {
			this.wordHashes[w] = Features.hash(Features.WORD, this.folded, starts[w], ends[w]);
		}
		List<String> linked = new java.util.ArrayList<>(2);
		List<String> linkedHosts = new java.util.ArrayList<>(2);
		Links.scan(this.folded, linked, linkedHosts);
		this.domains = linked;
		this.hosts = linkedHosts;
		this.anchorLinks = occurrences(this.folded, "<a ") + occurrences(this.folded, "[url");
		this.phoneNumbers = Contacts.phoneNumbers(this.folded);
		this.emailAddresses = Contacts.emailAddresses(this.folded);
		this.shouting = Shouting.isShouting(raw);
	}

	static Analysis of(String text) {
		return new Analysis(text);
	}

	static int wordHash(String word) {
		return Features.hash(Features.WORD, word, 0, word.length());
	}

	String word(int index) {
		return this.folded.substring(this.wordStarts[index], this.wordEnds[index]);
	}

	/** Whether the words from {@code index} on spell out {@code phrase} (words separated by single spaces). */
	boolean wordsMatch(int index, String[] phrase) {
		if (index + phrase.length > this.wordCount) {
			return false;
		}
		for (int k = 0; k < phrase.length; k++) {
			int start = this.wordStarts[index + k];
			int length = this.wordEnds[index + k] - start;
			if (length != phrase[k].length() || !this.folded.regionMatches(start, phrase[k], 0, length)) {
				return false;
			}
		}
		return true;
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	/** Letters outside link-like tokens (tokens with a dot between two letters): what a comment says besides its links. */
	int lettersOutsideLinks() {
		int letters = 0;
		int i = 0;
		int n = this.folded.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(this.folded.charAt(i))) {
				i++;
			}
			int start = i;
			int tokenLetters = 0;
			boolean dotted = false;
			while (i < n && !Character.isWhitespace(this.folded.charAt(i))) {
				char c = this.folded.charAt(i);
				tokenLetters += Character.isLetter(c) ? 1 : 0;
				dotted |= c == '.' && i > start && i + 1 < n && Character.isLetterOrDigit(this.folded.charAt(i - 1))
						&& Character.isLetter(this.folded.charAt(i + 1));
				i++;
			}
			letters += dotted ? 0 : tokenLetters;
		}
		return letters;
	}

	private static boolean isWordChar(char c) {
		return isLetterOrDigit(c) || c == '\'' || c == '\u2019';
	}

	/** {@link Character#isLetterOrDigit(char)}, without the table look-up for ASCII. */
	private static boolean isLetterOrDigit(char c) {
		if (c < 0x80) {
			int lower = c | 0x20;
			return (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
		}
		return Character.isLetterOrDigit(c);
	}

}
