package dev.moderato.moderation.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.moderation.AuditLog;
import dev.moderato.moderation.ModerationQueues;
import dev.moderato.moderation.VerdictReasons;
import org.jspecify.annotations.Nullable;

/**
 * A queue item as the moderation page shows it. Carries the commenter's email: moderators only. Every string is
 * rendered escaped; the author's URL only if it is http(s). Once a person decided, the card says who and when, and
 * the spam filter's verdict, score and reasons become its first view, shown as secondary.
 * @param reasons the filter's reasons that pushed toward its verdict (see {@link VerdictReasons})
 * @param filter what the spam filter did with the comment, in words ("held it", "judged it spam", "approved it")
 * @param history the commenter's other comments (this one left out)
 * @param decided the latest decision by a person, if any
 */
record CommentCard(String id, String token, String postId, String postTitle, String status, String authorName,
		@Nullable String authorUrl, String authorEmail, String text, int scorePercent, String filter, List<String> reasons,
		CommenterHistory history, @Nullable String policy, @Nullable String parentAuthor, @Nullable String parentExcerpt,
		Instant submittedAt, String submitted, @Nullable Decided decided, List<ActionButton> actions) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** A person's decision, from the audit log: "Marked spam" by "moderator", when. */
	record Decided(String what, String by, Instant at, String when) {
	}

	/**
	 * @param audit the audit log's entries on this comment, oldest first (people's decisions; the filter's verdict is
	 * the status the first one started from)
	 */
	static CommentCard of(ModerationQueues.Item item, List<AuditLog.Entry> audit) {
		Comment c = item.comment();
		Comment parent = item.parent();
		CommentStatus verdict = audit.isEmpty() ? c.status() : status(audit.get(0).fromStatus(), c.status());
		AuditLog.Entry last = audit.isEmpty() ? null : audit.get(audit.size() - 1);
		return new CommentCard(c.id().toString(), new SeenComment(c.id(), c.version()).token(), c.postId().value(),
				item.post() == null ? c.postId().value() : item.post().title(), c.status().wireValue(), c.author().name(),
				webAddress(c.author().url()), item.authorEmail(), c.text(), (int) Math.round(c.spamScore() * 100),
				filter(verdict), VerdictReasons.present(verdict, c.reasons()), others(item.history(), c.status()),
				item.policy() == null ? null : item.policy().name().toLowerCase(Locale.ROOT),
				parent == null ? null : parent.author().name(), parent == null ? null : excerpt(parent.text()),
				c.submittedAt(), WHEN.format(c.submittedAt()), last == null ? null : decided(last),
				ActionButton.forStatus(c.status()));
	}

	/** The history counts every comment of the commenter, this one too: the card shows the others. */
	private static CommenterHistory others(CommenterHistory all, CommentStatus self) {
		return new CommenterHistory(all.approved() - (self == CommentStatus.APPROVED ? 1 : 0),
				all.held() - (self == CommentStatus.HELD ? 1 : 0), all.spam() - (self == CommentStatus.SPAM ? 1 : 0),
				all.rejected() - (self == CommentStatus.REJECTED ? 1 : 0));
	}

	private static Decided decided(AuditLog.Entry entry) {
		String what = switch (entry.action()) {
			case "approve" -> "Approved";
			case "reject" -> "Rejected";
			case "spam" -> "Marked spam";
			case "not-spam" -> "Marked not spam";
			default -> entry.action();
		};
		return new Decided(what, entry.actor(), entry.at(), WHEN.format(entry.at()));
	}

	private static String filter(CommentStatus verdict) {
		return switch (verdict) {
			case HELD -> "held it";
			case SPAM -> "judged it spam";
			case APPROVED -> "approved it";
			default -> verdict.wireValue();
		};
	}

	private static CommentStatus status(String wireValue, CommentStatus otherwise) {
		return Arrays.stream(CommentStatus.values()).filter(s -> s.wireValue().equals(wireValue)).findFirst().orElse(otherwise);
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
