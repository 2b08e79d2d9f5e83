package dev.moderato.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.comments.StatusConflict;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's decision on a comment: checked against what they may moderate and the comment's current status, stored
 * only if nobody decided first, written to the audit log, and announced as {@link CommentModerated} through the
 * outbox (which updates notifications and teaches the spam filter).
 */
@Service
public class CommentDecisions {

	private static final Logger log = LoggerFactory.getLogger(CommentDecisions.class);

	private final Comments comments;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MeterRegistry meters;

	CommentDecisions(Comments comments, AuditLog audit, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.comments = comments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * @throws CommentNotFound if there is no such comment
	 * @throws NotAllowed if the actor may not moderate its post
	 * @throws dev.moderato.comments.StatusConflict if its status does not allow it, or someone decided first
	 */
	@Transactional
	public Decision decide(CommentId id, ModerationAction action, Actor actor) {
		return decide(id, action, actor, Expectation.NONE);
	}

	/**
	 * Decides only if the comment is still as the moderator saw it ({@code expected}): a moderator who acted on a
	 * stale view gets a conflict rather than overriding someone else's decision.
	 */
	@Transactional
	public Decision decide(CommentId id, ModerationAction action, Actor actor, Expectation expected) {
		Comment comment = mayModerate(id, actor);
		if (!expected.matches(comment)) {
			throw new StatusConflict(id, comment.status(), action.target());
		}
		Instant now = this.clock.instant();
		CommentStatus previous = switch (action) {
			case APPROVE -> comment.approve(actor.name(), now);
			case REJECT -> comment.reject(actor.name(), now);
			case SPAM -> comment.markSpam(actor.name(), now);
			case NOT_SPAM -> comment.markNotSpam(actor.name(), now);
		};
		this.comments.saveDecision(comment);
		announce(comment, action.wireValue(), previous, comment.status().wireValue(), actor, now);
		return new Decision(id, previous, comment.status());
	}

	/** Deletes a comment for good (its replies stay, at the top level). */
	@Transactional
	public void delete(CommentId id, Actor actor) {
		Comment comment = mayModerate(id, actor);
		this.comments.delete(id);
		announce(comment, "delete", comment.status(), "deleted", actor, this.clock.instant());
	}

	private Comment mayModerate(CommentId id, Actor actor) {
		Comment comment = this.comments.find(id).orElseThrow(() -> new CommentNotFound(id));
		if (!actor.scope().mayModerate(comment.postId())) {
			throw new NotAllowed("You may not moderate comments on post '" + comment.postId() + "'.");
		}
		return comment;
	}

	private void announce(Comment comment, String action, CommentStatus previous, String status, Actor actor, Instant now) {
		this.audit.append(comment.id().value(), comment.postId().value(), action, actor, previous.wireValue(), status, now);
		this.events.publishEvent(new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), comment.id().value(),
				comment.postId().value(), comment.parentId() == null ? null : comment.parentId().value(), status,
				previous.wireValue(), comment.spamScore(), comment.reasons(), actor.name(), actor.kind().wireValue(),
				comment.author().name(), comment.author().url(), comment.text(), now));
		this.meters.counter("moderato.moderation.verdicts", "verdict", status, "actor", actor.kind().wireValue()).increment();
		log.atInfo()
			.addKeyValue("commentId", comment.id())
			.addKeyValue("postId", comment.postId())
			.addKeyValue("actor", actor.name())
			.addKeyValue("actorKind", actor.kind().wireValue())
			.log("Comment {}: {} -> {}", action, previous.wireValue(), status);
	}

}
