package dev.moderato.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring path's shortcuts (ASCII without Character's tables, phrases by word hashes, features de-duplicated in a
 * per-thread bit set) give exactly what the general code gives, so no verdict changes with them.
 */
class ScoringFastPathTests {

	/** ASCII (controls and white space included), Latin-1, look-alikes, Greek, Devanagari, invisible, styled letters. */
	private static final String[] PIECES = { "a", "B", "z", "Z", "0", "9", " ", "  ", "\t", "\n", "\r", "\u000b",
			"\f", "\u001c", "\u001f", "\u0000", "@", "[", "`", "{", "'", "\u2019", "!", ".", "-", "_", "/", ":",
			"\u00e9", "\u00c9", "\u00df", "\u00ad", "\u0430", "\u0435", "\u043e", "\u0440", "\u0421", "\u03b1",
			"\u03b8", "\u039f", "\u0928", "\u092e", "\u200b", "\u202e", "\ufeff", "\uff21", "\ud835\udc00", "\ud83d\ude00",
			"&amp;", "&#39;", "<br/>", "<b>", "http://example.com/x", "you", "you're", "check", "my" };

	private static List<String> texts(long seed, int count) {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> texts = new ArrayList<>(count);
		for (int t = 0; t < count; t++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(40);
			for (int p = 0; p < pieces; p++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			texts.add(text.toString());
		}
		return texts;
	}

	private static List<String> asciiTexts(long seed, int count) {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> texts = new ArrayList<>(count);
		for (int t = 0; t < count; t++) {
			char[] text = new char[random.nextInt(60)];
			for (int i = 0; i < text.length; i++) {
				text[i] = (char) random.nextInt(0x80);
			}
			texts.add(new String(text));
		}
		return texts;
	}

	@Test
	void foldsAsciiTextAsTheCodePointLoopDoes() {
		for (String text : asciiTexts(1, 5000)) {
			String html = HtmlText.decode(text);
			if (!html.chars().allMatch((c) -> c < 0x80)) {
				continue; // a character reference decoded to a non-ASCII letter: the general path
			}
			StringBuilder expected = new StringBuilder();
			html.codePoints()
				.filter((cp) -> !TextFolding.isInvisible(cp))
				.forEach((cp) -> expected.appendCodePoint(Character.toLowerCase(cp)));
			assertThat(TextFolding.fold(text)).as(text).isEqualTo(expected.toString());
		}
	}

	@Test
	void countsCapitalsAsCharacterClassesSay() {
		List<String> texts = new ArrayList<>(texts(2, 5000));
		texts.addAll(asciiTexts(3, 2000));
		texts.add("THIS IS ALL CAPITALS, READ IT");
		texts.add("ÉCRIT EN MAJUSCULES ÀÇÉ");
		for (String text : texts) {
			int letters = 0;
			int upper = 0;
			for (char c : text.toCharArray()) {
				if (Character.isLetter(c)) {
					letters++;
					upper += Character.isUpperCase(c) ? 1 : 0;
				}
			}
			assertThat(Shouting.isShouting(text)).as(text).isEqualTo(letters >= 12 && upper * 10 >= letters * 7);
		}
	}

	@Test
	void findsMixedScriptWordsAsCharacterClassesSay() {
		List<String> texts = new ArrayList<>(texts(4, 5000));
		texts.addAll(asciiTexts(5, 2000));
		texts.add("p\u0430ypal.com and \u0440aypal_login");
		for (String text : texts) {
			assertThat(CharacterTricks.mixedScriptWords(text)).as(text).isEqualTo(mixedScriptWordsByCharacter(text));
		}
	}

	/** The signal's rule with every character classified by {@link Character}. */
	private static int mixedScriptWordsByCharacter(String text) {
		int words = 0;
		int latin = 0;
		int lookalike = 0;
		int other = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ' ';
			if (Character.isLetter(c)) {
				if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
					latin++;
				}
				else if (TextFolding.isLookalike(c)) {
					lookalike++;
				}
				else {
					other++;
				}
			}
			else if (!TextFolding.isInvisible(c)) {
				if (latin >= 2 && lookalike > 0 && other == 0 && latin + lookalike >= 4) {
					words++;
				}
				latin = 0;
				lookalike = 0;
				other = 0;
			}
		}
		return words;
	}

	@Test
	void matchesPhrasesAsTryingEveryPhraseAtEveryWord() {
		String[] phrases = { "you", "you are", "you are a", "you are so stupid", "you're", "you're a", "check my",
				"check out my", "check out this", "my", "my channel", "are so", "a" };
		Phrases index = Phrases.of(phrases);
		String[] vocabulary = { "you", "are", "a", "so", "stupid", "you're", "check", "out", "my", "this", "channel",
				"YOU", "You\u2019re", "x" };
		SplittableRandom random = new SplittableRandom(6);
		for (int t = 0; t < 3000; t++) {
			StringBuilder text = new StringBuilder();
			for (int w = random.nextInt(12); w > 0; w--) {
				text.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextBoolean() ? " " : ", ");
			}
			Analysis analysis = Analysis.of(text.toString());
			List<Integer> expected = new ArrayList<>();
			for (int w = 0; w < analysis.wordCount; w++) {
				for (int p = 0; p < phrases.length; p++) {
					if (analysis.wordsMatch(w, phrases[p].split(" "))) {
						expected.add(p);
					}
				}
			}
			List<Integer> found = new ArrayList<>();
			index.forEachMatch(analysis, found::add);
			assertThat(found).as(text.toString()).isEqualTo(expected);
			assertThat(index.firstMatch(analysis)).isEqualTo(expected.isEmpty() ? -1 : expected.get(0));
		}
	}

	@Test
	void featuresAreDistinctAndTheSameWhateverWasScoredBefore() {
		List<String> texts = texts(7, 500);
		List<int[]> first = new ArrayList<>();
		for (String text : texts) {
			int[] features = Features.of(Analysis.of(text));
			Set<Integer> distinct = new HashSet<>();
			for (int f : features) {
				assertThat(distinct.add(f)).as(text).isTrue();
			}
			first.add(features);
		}
		for (int t = texts.size() - 1; t >= 0; t--) {
			assertThat(Features.of(Analysis.of(texts.get(t)))).isEqualTo(first.get(t));
		}
	}

	@Test
	void readsEveryAsciiWhiteSpaceCharacterAsASpace() {
		int[] spaced = Features.of(Analysis.of("Foo bar baz"));
		for (char c = 0; c < 0x80; c++) {
			int[] features = Features.of(Analysis.of("Foo" + c + "bar baz"));
			assertThat(Arrays.equals(features, spaced)).as("U+%04X", (int) c)
				.isEqualTo(Character.isWhitespace(c));
		}
	}

	/**
	 * The hashed features of these texts, as the engine computed them before its scoring path was sped up: saved
	 * models (site layers in PostgreSQL, snapshots) are weights by these indices, so they must never move.
	 */
	@Test
	void hashesTextToTheFeaturesSavedModelsWereLearnedWith() {
		String[] texts = { "Check out my channel!!! http://bit.ly/xyz SUBSCRIBE",
				"Great review. My thoughts: https://letterboxd.com/someone/film/x/",
				"p\u0430ypal \u200Blogin\tnow\u001Cplease  &amp; <br/> Stra\u00DFe \uD835\uDC00\uD835\uDC01 \u0928\u092E\u0938\u094D\u0924\u0947",
				"", "a" };
		int[][] expected = { { 166, 2072467260 }, { 207, -235950279 }, { 133, 249882202 }, { 2, 3107174 },
				{ 3, 72153009 } };
		for (int t = 0; t < texts.length; t++) {
			int[] features = Features.of(Analysis.of(texts[t]));
			assertThat(new int[] { features.length, Arrays.hashCode(features) }).as(texts[t]).isEqualTo(expected[t]);
		}
	}

}
