package dev.moderato.moderation.web;

import java.util.List;

import dev.moderato.comments.CommentStatus;
import dev.moderato.moderation.ModerationQueues.Queue;

/**
 * A decision button on the moderation page: the action it posts, its label, and its keyboard shortcut.
 */
record ActionButton(String action, String label, String key, String tone) {

	private static final ActionButton APPROVE = new ActionButton("approve", "Approve", "a", "good");

	private static final ActionButton NOT_SPAM = new ActionButton("not-spam", "Not spam", "a", "good");

	private static final ActionButton SPAM = new ActionButton("spam", "Spam", "s", "bad");

	private static final ActionButton REJECT = new ActionButton("reject", "Reject", "r", "plain");

	/** The decisions that make sense for a comment in this status. */
	static List<ActionButton> forStatus(CommentStatus status) {
		return switch (status) {
			case HELD, PENDING -> List.of(APPROVE, SPAM, REJECT);
			case SPAM -> List.of(NOT_SPAM, REJECT);
			case APPROVED -> List.of(SPAM, REJECT);
			case REJECTED -> List.of(APPROVE, SPAM);
		};
	}

	/** The decisions offered for a selection of comments in this queue. */
	static List<ActionButton> forQueue(Queue queue) {
		return switch (queue) {
			case HELD -> forStatus(CommentStatus.HELD);
			case SPAM -> forStatus(CommentStatus.SPAM);
			case APPROVED -> forStatus(CommentStatus.APPROVED);
			case REJECTED -> forStatus(CommentStatus.REJECTED);
			case ALL -> List.of(APPROVE, SPAM, REJECT);
		};
	}

	/** The label with "selected" for the bulk bar. */
	public String bulkLabel() {
		return this.label + " selected";
	}

}
