package dev.moderato.spam;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the spam filter judges: the comment and what is known of its author, never the author's email.
 *
 * @param text the comment text
 * @param authorName display name
 * @param authorUrl website, if given
 * @param postId the post it was left on
 * @param commenter keyed hash of the author's email
 * @param priorApproved earlier comments of this commenter that were published
 * @param priorSpam earlier comments of this commenter that were judged spam
 */
public record Candidate(String text, String authorName, @Nullable String authorUrl, String postId, String commenter,
		int priorApproved, int priorSpam) {

	public Candidate {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(postId, "postId");
		Objects.requireNonNull(commenter, "commenter");
	}

}
