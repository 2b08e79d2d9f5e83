package dev.moderato.spam;

import java.util.List;

/**
 * Signal: insults and slurs aimed at people. Abuse is not spam: it holds the comment for a person to read (with the
 * reason) and never marks it spam. An insult counts only when the comment speaks to or about someone ("you", "he",
 * "the author"); a slur counts anywhere. Words the post itself uses (a film review may quote them) do not count.
 */
final class Abuse implements Signal {

	/** Insults that count when the comment speaks to or about someone. */
	private static final String[] INSULTS = { "idiot", "idiots", "moron", "morons", "imbecile", "cretin", "scum",
			"dumbass", "jackass", "asshole", "bastard", "bitch", "cunt", "twat", "wanker", "shithead", "douche",
			"douchebag", "braindead", "halfwit", "nitwit", "fuck you", "fuck off", "shut up", "kill yourself", "kys",
			"go die", "idiota", "imbécil", "gilipollas", "connard", "connasse", "salope", "arschloch", "vollidiot",
			"trottel", "stronzo", "cretino", "vaffanculo" };

	/** Milder words ("stupid", "pathetic") count only when said of someone or their work: "you're stupid", "what a stupid take". */
	private static final String[] MILD = { "stupid", "dumb", "pathetic", "trash", "garbage", "loser", "clown",
			"worthless", "ugly", "clueless", "incompetent" };

	private static final String[] MILD_BEFORE = { "you", "you're", "youre", "you are", "ur", "u r", "what a",
			"such a", "you're a", "you are a", "are so", "is so", "so" };

	private static final String[] MILD_AFTER = { "take", "article", "review", "post", "author", "writer", "person",
			"people", "opinion", "comment" };

	static String[] insultPhrases() {
		List<String> all = new java.util.ArrayList<>(List.of(INSULTS));
		for (String word : MILD) {
			for (String before : MILD_BEFORE) {
				all.add(before + " " + word);
			}
			for (String after : MILD_AFTER) {
				all.add(word + " " + after);
			}
		}
		return all.toArray(String[]::new);
	}

	private static final String[] SLURS = { "retard", "retarded", "faggot", "fag", "nigger", "nigga", "tranny",
			"kike", "spic", "chink", "wetback", "raghead", "dyke" };

	private static final String[] INSULT_PHRASES = insultPhrases();

	private static final Phrases INSULT_WORDS = Phrases.of(INSULT_PHRASES);

	private static final Phrases SLUR_WORDS = Phrases.of(SLURS);

	private static final Phrases AIMED = Phrases.of("you", "you're", "youre", "your", "u", "ur", "you’re", "he",
			"she", "they", "author", "writer", "what a", "such a", "are a", "is a", "are an", "is an", "du", "tu",
			"eres", "vous", "sie");

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		@org.jspecify.annotations.Nullable String slur = firstOutsidePost(SLUR_WORDS, SLURS, evidence);
		if (slur != null) {
			findings.add(Finding.hold("uses a slur ('" + slur + "'): abuse is for a person to judge", 0));
			return;
		}
		@org.jspecify.annotations.Nullable String insult = firstOutsidePost(INSULT_WORDS, INSULT_PHRASES, evidence);
		if (insult != null && (AIMED.firstMatch(text) >= 0 || insult.indexOf(' ') > 0)) {
			findings.add(Finding.hold("insults someone ('" + insult + "'): abuse is for a person to judge", 0));
		}
	}

	/** The first listed word in the comment that the post itself does not use, or {@code null}. */
	private static @org.jspecify.annotations.Nullable String firstOutsidePost(Phrases phrases, String[] words, Evidence evidence) {
		Analysis text = evidence.text();
		@org.jspecify.annotations.Nullable String[] found = new String[1];
		phrases.forEachMatch(text, (p) -> {
			if (found[0] == null && !usedByPost(words[p], evidence)) {
				found[0] = words[p];
			}
		});
		return found[0];
	}

	private static boolean usedByPost(String word, Evidence evidence) {
		if (!evidence.topic().known()) {
			return false;
		}
		Analysis phrase = Analysis.of(word);
		for (int w = 0; w < phrase.wordCount; w++) {
			if (!evidence.topic().uses(phrase, w)) {
				return false;
			}
		}
		return phrase.wordCount > 0;
	}

}
