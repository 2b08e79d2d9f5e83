package dev.moderato.moderation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.moderato.moderation.AuditLog;
import dev.moderato.moderation.ModerationQueues;

import org.springframework.stereotype.Component;

/**
 * Turns queue items into the page's cards, with who decided each from the audit log (one query for a whole page).
 */
@Component
class Cards {

	private final AuditLog audit;

	Cards(AuditLog audit) {
		this.audit = audit;
	}

	List<CommentCard> of(List<ModerationQueues.Item> items) {
		Map<UUID, List<AuditLog.Entry>> byComment = this.audit
			.onComments(items.stream().map(item -> item.comment().id().value()).toList())
			.stream()
			.collect(Collectors.groupingBy(AuditLog.Entry::commentId));
		return items.stream()
			.map(item -> CommentCard.of(item, byComment.getOrDefault(item.comment().id().value(), List.of())))
			.toList();
	}

	CommentCard of(ModerationQueues.Item item) {
		return of(List.of(item)).get(0);
	}

}
