package dev.moderato.moderation.web;

import java.time.Instant;
import java.util.List;

import dev.moderato.comments.Comment;
import dev.moderato.moderation.ModerationQueues;
import org.jspecify.annotations.Nullable;

/**
 * A queue item as JSON. Carries the commenter's email: moderators only.
 */
record QueueItemView(String id, String postId, @Nullable String postTitle, @Nullable String parentId,
		@Nullable ParentView parent, String authorName, @Nullable String authorUrl, String authorEmail, String commenter,
		String text, String status, double score, List<String> reasons, History history, @Nullable String commenterPolicy,
		Instant submittedAt, @Nullable Instant moderatedAt, @Nullable String moderatedBy, int version) {

	record ParentView(String authorName, String text, String status) {
	}

	record History(int approved, int held, int spam, int rejected) {
	}

	static QueueItemView of(ModerationQueues.Item item) {
		Comment c = item.comment();
		Comment p = item.parent();
		return new QueueItemView(c.id().toString(), c.postId().value(), item.post() == null ? null : item.post().title(),
				c.parentId() == null ? null : c.parentId().toString(),
				p == null ? null : new ParentView(p.author().name(), excerpt(p.text()), p.status().wireValue()),
				c.author().name(), c.author().url(), item.authorEmail(), c.author().emailHash().value(), c.text(),
				c.status().wireValue(), c.spamScore(), c.reasons(),
				new History(item.history().approved(), item.history().held(), item.history().spam(), item.history().rejected()),
				item.policy() == null ? null : item.policy().name().toLowerCase(java.util.Locale.ROOT), c.submittedAt(),
				c.moderatedAt(), c.moderatedBy(), c.version());
	}

	private static String excerpt(String text) {
		return text.length() <= 280 ? text : text.substring(0, 279) + "…";
	}

}
