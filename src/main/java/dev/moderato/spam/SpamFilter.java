package dev.moderato.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges comments by explicit rules: too many links, listed words, a link for a name, and commenters with no published
 * comment yet. Pure Java, thread-safe.
 */
public class SpamFilter {

	// possessive single class: linear on any input
	private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"]++");

	private final SpamSettings settings;

	public SpamFilter(SpamSettings settings) {
		this.settings = settings;
	}

	public Assessment assess(Candidate candidate) {
		List<String> spam = new ArrayList<>();
		List<String> hold = new ArrayList<>();
		String text = candidate.text().toLowerCase(Locale.ROOT);
		for (String word : this.settings.spamWords()) {
			if (!word.isBlank() && text.contains(word.toLowerCase(Locale.ROOT))) {
				spam.add("contains \"" + word + "\", a listed spam word");
			}
		}
		for (String word : this.settings.holdWords()) {
			if (!word.isBlank() && text.contains(word.toLowerCase(Locale.ROOT))) {
				hold.add("contains \"" + word + "\", a word held for review");
			}
		}
		int links = countLinks(candidate.text());
		if (links > this.settings.maxLinks()) {
			hold.add(links + " links (more than " + this.settings.maxLinks() + ")");
		}
		if (countLinks(candidate.authorName()) > 0) {
			hold.add("author name contains a link");
		}
		if (this.settings.holdFirstComment() && candidate.priorApproved() == 0) {
			hold.add("first comment from this commenter");
		}
		if (candidate.priorSpam() > 0 && candidate.priorApproved() == 0) {
			hold.add("commenter has " + candidate.priorSpam() + " earlier comment(s) judged spam");
		}
		if (!spam.isEmpty()) {
			spam.addAll(hold);
			return new Assessment(Verdict.SPAM, 0.99, spam);
		}
		if (!hold.isEmpty()) {
			return new Assessment(Verdict.HELD, Math.min(0.9, 0.3 + 0.15 * hold.size()), hold);
		}
		return new Assessment(Verdict.APPROVED, 0.05, List.of("no spam signals"));
	}

	static int countLinks(String text) {
		Matcher m = LINK.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

}
