package dev.moderato.spam;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the spam engine judges: the comment and what is known of its author and its submission, never the author's
 * email. The counts are found by the caller (from the database) so the engine itself does no I/O.
 *
 * @param text the comment text
 * @param authorName display name
 * @param authorUrl website, if given
 * @param postId the post it was left on
 * @param commenter keyed hash of the author's email
 * @param priorApproved earlier comments of this commenter that were published
 * @param priorSpam earlier comments of this commenter that were judged spam
 * @param ipPrefix the network the comment came from (an anonymised IP prefix), if known
 * @param honeypotFilled whether the form's hidden honeypot field came back filled in
 * @param timeToSubmit time from showing the form to submitting it, {@code null} if unknown
 * @param recentFromCommenter other comments from this email hash within the velocity window
 * @param recentFromNetwork other comments from this IP prefix within the velocity window
 * @param sameTextOnOtherPosts comments on other posts whose {@link TextFingerprint} is a near-duplicate of this one
 * @param postTitle the title of the post the comment was left on, if known: a comment that engages with it is rarely
 * spam, and words the post itself uses (a film review quoting an insult) do not count against the comment
 * @param postUrl the post's address, if known (its slug counts as part of the title)
 * @param siteId the site (blog) the post belongs to: the verdict uses that site's learned layer ({@code default} for
 * the default site)
 */
public record Candidate(String text, String authorName, @Nullable String authorUrl, String postId, String commenter,
		int priorApproved, int priorSpam, @Nullable String ipPrefix, boolean honeypotFilled,
		@Nullable Duration timeToSubmit, int recentFromCommenter, int recentFromNetwork, int sameTextOnOtherPosts,
		@Nullable String postTitle, @Nullable String postUrl, String siteId) {

	/** The site every post belongs to until sites are set up. */
	public static final String DEFAULT_SITE = "default";

	/** A candidate on the default site. */
	public Candidate(String text, String authorName, @Nullable String authorUrl, String postId, String commenter,
			int priorApproved, int priorSpam, @Nullable String ipPrefix, boolean honeypotFilled,
			@Nullable Duration timeToSubmit, int recentFromCommenter, int recentFromNetwork, int sameTextOnOtherPosts,
			@Nullable String postTitle, @Nullable String postUrl) {
		this(text, authorName, authorUrl, postId, commenter, priorApproved, priorSpam, ipPrefix, honeypotFilled,
				timeToSubmit, recentFromCommenter, recentFromNetwork, sameTextOnOtherPosts, postTitle, postUrl,
				DEFAULT_SITE);
	}

	/** A candidate on the default site, without the post's title and address. */
	public Candidate(String text, String authorName, @Nullable String authorUrl, String postId, String commenter,
			int priorApproved, int priorSpam, @Nullable String ipPrefix, boolean honeypotFilled,
			@Nullable Duration timeToSubmit, int recentFromCommenter, int recentFromNetwork, int sameTextOnOtherPosts) {
		this(text, authorName, authorUrl, postId, commenter, priorApproved, priorSpam, ipPrefix, honeypotFilled,
				timeToSubmit, recentFromCommenter, recentFromNetwork, sameTextOnOtherPosts, null, null);
	}

	public Candidate {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(postId, "postId");
		Objects.requireNonNull(commenter, "commenter");
		Objects.requireNonNull(siteId, "siteId");
		if (priorApproved < 0 || priorSpam < 0 || recentFromCommenter < 0 || recentFromNetwork < 0
				|| sameTextOnOtherPosts < 0) {
			throw new IllegalArgumentException("counts must not be negative");
		}
	}

	/**
	 * A candidate with neutral submission facts: no network, honeypot empty, timing unknown, no recent comments and no
	 * near-duplicates.
	 */
	public static Candidate of(String text, String authorName, @Nullable String authorUrl, String postId,
			String commenter, int priorApproved, int priorSpam) {
		return new Candidate(text, authorName, authorUrl, postId, commenter, priorApproved, priorSpam, null, false, null,
				0, 0, 0);
	}

	/** This candidate with the post's title and address. */
	public Candidate onPost(@Nullable String title, @Nullable String url) {
		return new Candidate(this.text, this.authorName, this.authorUrl, this.postId, this.commenter, this.priorApproved,
				this.priorSpam, this.ipPrefix, this.honeypotFilled, this.timeToSubmit, this.recentFromCommenter,
				this.recentFromNetwork, this.sameTextOnOtherPosts, title, url, this.siteId);
	}

	/** This candidate on another site (judged by that site's learned layer). */
	public Candidate onSite(String site) {
		return new Candidate(this.text, this.authorName, this.authorUrl, this.postId, this.commenter, this.priorApproved,
				this.priorSpam, this.ipPrefix, this.honeypotFilled, this.timeToSubmit, this.recentFromCommenter,
				this.recentFromNetwork, this.sameTextOnOtherPosts, this.postTitle, this.postUrl, site);
	}

}
