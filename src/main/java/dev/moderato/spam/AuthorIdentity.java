package dev.moderato.spam;

import java.util.List;
import java.util.Locale;

/**
 * Signal: the author name is itself a link or an email address, or the name or website is stuffed with sales keywords
 * ("Best Cheap SEO Services"). Neither the name nor the address is quoted in the reason.
 */
final class AuthorIdentity implements Signal {

	private static final Phrases KEYWORDS = Phrases.of("seo", "cheap", "buy", "loan", "loans", "casino",
			"viagra", "cialis", "porn", "sex", "dating", "escort", "discount", "sale", "deals", "online", "services",
			"marketing", "followers", "crypto", "bitcoin", "forex", "pharmacy", "replica", "free", "best", "download");

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Candidate candidate = evidence.candidate();
		Analysis name = Analysis.of(candidate.authorName());
		if (!name.domains.isEmpty() || name.emailAddresses > 0 || hasScheme(candidate.authorName())) {
			findings.add(Finding.heldEvidence("author name is a link", 1.5));
		}
		else if (keywords(name) >= 2 || name.wordCount >= 6) {
			findings.add(Finding.evidence("author name is stuffed with keywords", 1.0));
		}
		String url = candidate.authorUrl();
		if (url != null && !url.isBlank()) {
			Analysis site = Analysis.of(url.replace('-', ' ').replace('_', ' ').replace('/', ' ').replace('.', ' '));
			if (keywords(site) >= 2 || hyphenatedWords(url) >= 4
					|| LinkTargets.ofWebsite(url) == LinkTargets.Kind.COMMERCIAL) {
				// the website is the payload (praise under any post is its carrier): never approved
				findings.add(Finding.heldEvidence("author website is stuffed with keywords", 1.0));
			}
		}
	}

	private static boolean hasScheme(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.contains("://") || lower.contains("www.");
	}

	private static int keywords(Analysis text) {
		return KEYWORDS.count(text);
	}

	/** The longest run of words joined by hyphens, as in {@code /buy-cheap-pills-online-now}. */
	private static int hyphenatedWords(String url) {
		int longest = 0;
		int run = 1;
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '-') {
				run++;
				longest = Math.max(longest, run);
			}
			else if (!Character.isLetterOrDigit(c)) {
				run = 1;
			}
		}
		return longest;
	}

}
