package dev.moderato.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one webhook, as admins see it.
 *
 * @param id the delivery's id, sent as {@code Moderato-Delivery}
 * @param eventId the event's id, the payload's {@code id}
 * @param type what happened
 * @param commentId the comment it is about
 * @param state {@code pending}, {@code sending}, {@code delivered} or {@code failed}
 * @param attempts calls made so far
 * @param lastStatusCode the receiver's last HTTP status, if it answered
 * @param lastError why the last call did not deliver
 * @param nextAttemptAt when it is (or was) due next; for one being sent, when its sender's lease ends
 * @param createdAt when the event was recorded for this webhook
 * @param deliveredAt when a receiver last acknowledged it
 */
public record WebhookDelivery(UUID id, UUID eventId, EventType type, UUID commentId, String state, int attempts,
		@Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt,
		@Nullable Instant deliveredAt) {

	public static final java.util.List<String> STATES = java.util.List.of("pending", "sending", "delivered", "failed");

}
