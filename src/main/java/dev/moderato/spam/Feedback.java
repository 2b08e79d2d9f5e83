package dev.moderato.spam;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person's decision the spam filter learns from: this comment was spam, or it was not.
 *
 * @param siteId the site the comment's post belongs to: only that site's layer learns the decision
 * @param eventId the decision's event id: each is learned once
 */
public record Feedback(String siteId, UUID eventId, UUID commentId, String postId, String authorName,
		@Nullable String authorUrl, String text, boolean spam) {

	public Feedback {
		Objects.requireNonNull(siteId, "siteId");
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(commentId, "commentId");
		Objects.requireNonNull(postId, "postId");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(text, "text");
	}

	Candidate candidate() {
		// the decision is about the text and its author, not about who the commenter was
		return Candidate.of(this.text, this.authorName, this.authorUrl, this.postId, "0".repeat(64), 1, 0)
			.onSite(this.siteId);
	}

}
