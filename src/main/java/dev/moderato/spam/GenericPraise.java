package dev.moderato.spam;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Signal: praise that would fit under any post ("I truly enjoyed reading this. You have a real talent…", "very
 * informative blog, keep sharing") from an author who leaves a website: the classic link-spam comment, whose payload
 * is the author's link. Only fires when the comment is short, says nothing about the post, and the website is not a
 * reference site; then it holds the comment.
 */
final class GenericPraise implements Signal {

	static final Phrases PRAISE = Phrases.of("great post", "nice post", "nice blog", "great blog", "nice article",
			"great article", "nice information", "great information", "useful information", "informative",
			"keep sharing", "keep posting", "keep it up", "keep up the good work", "keep up the great work",
			"thanks for sharing", "thank you for sharing", "thanks for posting", "for sharing this", "well written",
			"enjoyed reading", "real talent", "bookmarked", "bookmark", "will share", "share it with my friends",
			"come back", "be back", "stumbled upon", "your site", "your website", "your blog", "this website",
			"this site", "wonderful article", "awesome post", "excellent post", "very helpful", "really helpful",
			"great content", "valuable content", "valuable information", "wonderful blog", "interesting post",
			"really nice", "very nice", "very interesting", "impressed", "such a nice", "useful stuff");

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		@Nullable String website = evidence.candidate().authorUrl();
		if (website == null || website.isBlank() || text.wordCount > 60 || PRAISE.firstMatch(text) < 0
				|| evidence.topic().sharedWords(text) > 0) {
			return;
		}
		LinkTargets.Kind kind = LinkTargets.ofWebsite(website);
		if (kind == LinkTargets.Kind.REFERENCE) {
			return;
		}
		findings.add(Finding.heldEvidence("praise that fits any post, from an author who leaves a website", 1.0));
	}

}
