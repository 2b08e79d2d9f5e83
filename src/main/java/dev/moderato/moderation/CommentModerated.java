package dev.moderato.moderation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.moderato.system.UnreadableRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.Externalized;

/**
 * A comment's status was decided: the record on {@code comments.moderated}, keyed by post id, published through the
 * outbox together with the database change. Version 1 of a JSON contract. Carries no email and no address.
 *
 * @param version contract version, {@value #VERSION}
 * @param eventId unique per decision; consumers are idempotent on it
 * @param commentId the comment
 * @param postId its post
 * @param parentId the comment it replies to, if any
 * @param status {@code approved}, {@code held}, {@code spam}, {@code rejected} or {@code deleted}
 * @param previousStatus what it was before ({@code pending} for the first verdict)
 * @param score the spam probability the engine gave
 * @param reasons why, in a moderator's words
 * @param moderator who decided: {@code engine} for the spam filter, else the moderator's account name
 * @param actorKind {@code engine}, {@code moderator} or {@code email-link}
 * @param authorName the commenter's display name
 * @param authorUrl the commenter's website, if given
 * @param text the comment text
 * @param occurredAt when it was decided
 */
@Externalized(CommentModerated.TOPIC + "::#{postId()}")
public record CommentModerated(int version, UUID eventId, UUID commentId, String postId, @Nullable UUID parentId,
		String status, String previousStatus, double score, List<String> reasons, String moderator, String actorKind,
		String authorName, @Nullable String authorUrl, String text, Instant occurredAt) {

	/** Whether a person (not the spam filter) made this decision: the ones the spam filter learns from. */
	public boolean decidedByPerson() {
		return !ActorKind.ENGINE.wireValue().equals(this.actorKind);
	}

	/**
	 * Reads a {@code comments.moderated} record's value.
	 * @throws UnreadableRecord if it is not a version {@value #VERSION} record with its ids and status
	 */
	public static CommentModerated read(JsonMapper json, byte @Nullable [] value) {
		try {
			CommentModerated event = value == null ? null : json.readValue(value, CommentModerated.class);
			if (event == null || event.version() != VERSION || event.eventId() == null || event.commentId() == null
					|| event.postId() == null || event.status() == null) {
				throw new UnreadableRecord("Not a version " + VERSION + " CommentModerated record");
			}
			return event;
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("Not a CommentModerated record: " + ex.getOriginalMessage());
		}
	}

	public static final int VERSION = 1;

	public static final String TOPIC = "comments.moderated";

}
