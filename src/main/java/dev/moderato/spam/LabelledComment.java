package dev.moderato.spam;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A comment from a site's history with the judgement it got there (e.g. an imported blog's approved and spam
 * comments), for {@link SpamLearning#learnFromHistory}.
 *
 * @param commentId the comment's id: a comment is learned once however often its history is imported
 * @param postId the post it was left on
 * @param postTitle the post's title, if known
 * @param postUrl the post's address, if known
 * @param spam whether it was spam
 */
public record LabelledComment(UUID commentId, String postId, String authorName, @Nullable String authorUrl,
		String text, @Nullable String postTitle, @Nullable String postUrl, boolean spam) {

	public LabelledComment {
		Objects.requireNonNull(commentId, "commentId");
		Objects.requireNonNull(postId, "postId");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(text, "text");
	}

	/** The decision as the site's moderators would have logged it. */
	Feedback feedback(String siteId) {
		UUID event = UUID.nameUUIDFromBytes(("history:" + siteId + ":" + this.commentId).getBytes(
				java.nio.charset.StandardCharsets.UTF_8));
		return new Feedback(siteId, event, this.commentId, this.postId, this.authorName, this.authorUrl, this.text,
				this.spam);
	}

	/** How the comment is judged when it is evaluated: by a commenter with one published comment, on its post. */
	Candidate candidate(String siteId) {
		return Candidate.of(this.text, this.authorName, this.authorUrl, this.postId, "0".repeat(64), 1, 0)
			.onPost(this.postTitle, this.postUrl)
			.onSite(siteId);
	}

}
