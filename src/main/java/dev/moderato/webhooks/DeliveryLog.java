package dev.moderato.webhooks;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.sites.SiteId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every event a webhook is to be told, recorded before it is sent, once per webhook and event: a redelivered event
 * records nothing new. Senders claim due deliveries with a lease ({@code for update skip locked}), so instances share
 * the work and a crashed sender's deliveries are picked up again. Rows keep ids and statuses only.
 */
@Repository
class DeliveryLog {

	private static final String CLAIMED = "id, webhook_id, event_id, type, comment_id, parent_id, post_id, site_id, "
			+ "status, previous_status, occurred_at, attempts";

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A delivery a sender owns until its lease ends. */
	record Claimed(UUID id, UUID webhookId, UUID eventId, EventType type, UUID commentId, @Nullable UUID parentId,
			String postId, String siteId, String status, String previousStatus, Instant occurredAt, int attempts) {
	}

	/** What a replay found. */
	enum Replay {

		QUEUED, BEING_SENT, NOT_FOUND

	}

	/** The id of the event a verdict or decision makes, the same for every webhook it goes to. */
	static UUID eventId(UUID sourceEventId, EventType type) {
		return UUID.nameUUIDFromBytes(("moderato webhook event " + sourceEventId + " " + type.wireValue())
			.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Gives the event to the site's webhooks that ask for its type and existed when it occurred (a webhook registered
	 * later, or a topic read again from its start, gets no old events).
	 * @return how many webhooks of the site were newly given the event to deliver
	 */
	int recordOnce(SiteId site, CommentModerated event, EventType type, Instant now) {
		return this.jdbc.sql("""
				insert into webhook_delivery (id, webhook_id, event_id, source_event_id, type, comment_id, parent_id,
				  post_id, site_id, status, previous_status, occurred_at, state, attempts, next_attempt_at, created_at)
				select gen_random_uuid(), w.id, :eventId, :sourceId, :type, :commentId, :parentId, :postId, :site,
				  :status, :previous, :occurred, 'pending', 0, :now, :now
				from webhook w where w.site_id = :site and :type = any(w.events) and w.created_at <= :occurred
				on conflict (webhook_id, source_event_id, type) do nothing
				""")
			.param("eventId", eventId(event.eventId(), type))
			.param("sourceId", event.eventId())
			.param("type", type.wireValue())
			.param("commentId", event.commentId())
			.param("parentId", event.parentId())
			.param("postId", event.postId())
			.param("site", site.value())
			.param("status", event.status())
			.param("previous", event.previousStatus())
			.param("occurred", Timestamp.from(event.occurredAt()))
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update webhook_delivery set state = 'sending', attempts = attempts + 1, next_attempt_at = :leaseUntil
				where id in (select id from webhook_delivery
				             where state in ('pending', 'sending') and next_attempt_at <= :now
				             order by next_attempt_at limit :limit for update skip locked)
				returning\s""" + CLAIMED)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(DeliveryLog::claimed)
			.list();
	}

	void markDelivered(UUID id, int statusCode, Instant now) {
		this.jdbc.sql("""
				update webhook_delivery set state = 'delivered', delivered_at = :now, last_status_code = :code,
				  last_error = null
				where id = :id
				""")
			.param("now", Timestamp.from(now))
			.param("code", statusCode)
			.param("id", id)
			.update();
	}

	void markRetry(UUID id, Instant nextAttempt, @Nullable Integer statusCode, String error) {
		this.jdbc.sql("""
				update webhook_delivery set state = 'pending', next_attempt_at = :next, last_status_code = :code,
				  last_error = :error
				where id = :id
				""")
			.param("next", Timestamp.from(nextAttempt))
			.param("code", statusCode)
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	void markFailed(UUID id, @Nullable Integer statusCode, String error) {
		this.jdbc.sql("""
				update webhook_delivery set state = 'failed', last_status_code = :code, last_error = :error
				where id = :id
				""")
			.param("code", statusCode)
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	/** A webhook's deliveries, newest first, in one state or all. */
	List<WebhookDelivery> of(UUID webhookId, @Nullable String state, int limit) {
		return this.jdbc.sql("""
				select id, event_id, type, comment_id, state, attempts, last_status_code, last_error, next_attempt_at,
				  created_at, delivered_at
				from webhook_delivery
				where webhook_id = :webhook and (cast(:state as varchar) is null or state = :state)
				order by created_at desc, id desc limit :limit
				""")
			.param("webhook", webhookId)
			.param("state", state)
			.param("limit", limit)
			.query(DeliveryLog::delivery)
			.list();
	}

	/**
	 * Queues a delivery to be sent again now, with fresh attempts, whatever its state, unless a sender holds it.
	 */
	Replay replay(UUID webhookId, UUID id, Instant now) {
		int queued = this.jdbc.sql("""
				update webhook_delivery set state = 'pending', attempts = 0, next_attempt_at = :now
				where webhook_id = :webhook and id = :id and (state <> 'sending' or next_attempt_at <= :now)
				""")
			.param("now", Timestamp.from(now))
			.param("webhook", webhookId)
			.param("id", id)
			.update();
		if (queued == 1) {
			return Replay.QUEUED;
		}
		Optional<String> state = this.jdbc.sql("select state from webhook_delivery where webhook_id = ? and id = ?")
			.params(webhookId, id)
			.query(String.class)
			.optional();
		return state.isPresent() ? Replay.BEING_SENT : Replay.NOT_FOUND;
	}

	private static Claimed claimed(ResultSet rs, int row) throws SQLException {
		return new Claimed(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
				rs.getObject("event_id", UUID.class), type(rs), rs.getObject("comment_id", UUID.class),
				rs.getObject("parent_id", UUID.class), rs.getString("post_id"), rs.getString("site_id"),
				rs.getString("status"), rs.getString("previous_status"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getInt("attempts"));
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		String state = rs.getString("state");
		boolean due = state.equals("pending") || state.equals("sending");
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class), type(rs),
				rs.getObject("comment_id", UUID.class), state, rs.getInt("attempts"),
				rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
				due ? instant(rs.getTimestamp("next_attempt_at")) : null, rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("delivered_at")));
	}

	private static EventType type(ResultSet rs) throws SQLException {
		String type = rs.getString("type");
		return EventType.parse(type).orElseThrow(() -> new IllegalStateException("Unknown webhook event type " + type));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static String truncate(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}

}
