package dev.moderato.moderation.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.moderation.ModerationQueues;
import org.jspecify.annotations.Nullable;

/**
 * A queue item as the moderation page shows it. Carries the commenter's email: moderators only. Every string is
 * rendered escaped; the author's URL only if it is http(s).
 */
record CommentCard(String id, String token, String postId, String postTitle, String status, String authorName,
		@Nullable String authorUrl, String authorEmail, String text, int scorePercent, List<String> reasons,
		CommenterHistory history, @Nullable String policy, @Nullable String parentAuthor, @Nullable String parentExcerpt,
		Instant submittedAt, String submitted, List<ActionButton> actions) {

	private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	static CommentCard of(ModerationQueues.Item item) {
		Comment c = item.comment();
		Comment parent = item.parent();
		return new CommentCard(c.id().toString(), new SeenComment(c.id(), c.version()).token(), c.postId().value(),
				item.post() == null ? c.postId().value() : item.post().title(), c.status().wireValue(), c.author().name(),
				webAddress(c.author().url()), item.authorEmail(), c.text(), (int) Math.round(c.spamScore() * 100),
				c.reasons(), item.history(), item.policy() == null ? null : item.policy().name().toLowerCase(Locale.ROOT),
				parent == null ? null : parent.author().name(), parent == null ? null : excerpt(parent.text()),
				c.submittedAt(), SUBMITTED.format(c.submittedAt()), ActionButton.forStatus(c.status()));
	}

	private static @Nullable String webAddress(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String lower = url.toLowerCase(Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
	}

	private static String excerpt(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}

}
