package dev.moderato.spam;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The words of the post a comment is under (its title and the words of its address), folded like comment text, for
 * "does the comment engage with the post?" (the idea behind language-model disagreement, Mishne, Carmel and Lempel,
 * AIRWeb 2005: spam is generic, a reader's comment is about the post). Only content words count: four letters or
 * more (two for non-Latin scripts), not common function words.
 */
final class PostTopic {

	static final PostTopic NONE = new PostTopic(Set.of());

	private static final Set<String> COMMON_WORDS = Set.of("this", "that", "with", "from", "your", "have", "what", "when",
			"where", "which", "about", "into", "part", "guide", "review", "introduction", "tutorial", "explained",
			"beginners", "beginner", "getting", "started", "using", "practice", "home", "days", "https", "http",
			"html", "index", "post", "posts", "blog", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "the",
			"and", "for", "how", "www");

	private static final Set<Integer> COMMON = hashes(COMMON_WORDS);

	private final Set<Integer> words;

	private static Set<Integer> hashes(Set<String> words) {
		Set<Integer> hashes = new HashSet<>();
		for (String word : words) {
			hashes.add(Analysis.wordHash(word));
		}
		return Set.copyOf(hashes);
	}

	private PostTopic(Set<Integer> words) {
		this.words = words;
	}

	static PostTopic of(Candidate candidate) {
		return of(candidate.postTitle(), candidate.postUrl());
	}

	static PostTopic of(@Nullable String title, @Nullable String url) {
		if ((title == null || title.isBlank()) && (url == null || url.isBlank())) {
			return NONE;
		}
		Set<Integer> words = new HashSet<>();
		add(title, words);
		if (url != null) {
			int path = url.indexOf('/', url.indexOf("://") + 3);
			add(path > 0 ? url.substring(path).replace('-', ' ').replace('_', ' ').replace('/', ' ') : null, words);
		}
		return new PostTopic(words);
	}

	private static void add(@Nullable String text, Set<Integer> words) {
		if (text == null) {
			return;
		}
		Analysis analysis = Analysis.of(text.length() > 300 ? text.substring(0, 300) : text);
		for (int w = 0; w < analysis.wordCount; w++) {
			if (isContentWord(analysis, w)) {
				words.add(analysis.wordHashes[w]);
				String word = analysis.word(w);
				if (word.length() >= 6 && word.endsWith("s")) {
					words.add(Analysis.wordHash(word.substring(0, word.length() - 1)));
				}
			}
		}
	}

	static boolean isContentWord(Analysis text, int w) {
		int length = text.wordEnds[w] - text.wordStarts[w];
		char first = text.folded.charAt(text.wordStarts[w]);
		return (length >= 4 || (first >= 0x370 && length >= 2)) && !COMMON.contains(text.wordHashes[w]);
	}

	boolean known() {
		return !this.words.isEmpty();
	}

	/** Whether the post uses this word of the comment. */
	boolean uses(Analysis text, int w) {
		return this.words.contains(text.wordHashes[w]);
	}

	/** Content words of the comment that the post uses (a repeated word counts once when repeated in a row). */
	int sharedWords(Analysis text) {
		if (this.words.isEmpty()) {
			return 0;
		}
		int shared = 0;
		int last = 0;
		for (int w = 0; w < text.wordCount; w++) {
			int hash = text.wordHashes[w];
			if (hash != last && this.words.contains(hash) && isContentWord(text, w)) {
				shared++;
				last = hash;
			}
		}
		return shared;
	}

}
