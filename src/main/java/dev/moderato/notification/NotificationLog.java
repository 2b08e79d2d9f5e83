package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every notification is written here before it is sent, under a key that names the event it answers, so a
 * redelivered event records (and sends) nothing new. Senders claim due mails with a lease, so several instances
 * share the work and a crashed sender's mail is picked up again.
 */
@Repository
class NotificationLog {

	private final JdbcClient jdbc;

	NotificationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether it was recorded now (false if the key was recorded before) */
	boolean recordOnce(String key, String kind, @Nullable UUID commentId, Mail mail, Instant now) {
		return this.jdbc.sql("""
				insert into notification (id, dedup_key, kind, comment_id, recipient, subject, body_text, body_html,
				  status, attempts, next_attempt_at, created_at)
				values (:id, :key, :kind, :commentId, :recipient, :subject, :text, :html, 'PENDING', 0, :now, :now)
				on conflict (dedup_key) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("key", key)
			.param("kind", kind)
			.param("commentId", commentId)
			.param("recipient", mail.recipient())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update notification set status = 'SENDING', attempts = attempts + 1, next_attempt_at = :leaseUntil
				where id in (select id from notification
				             where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
				             order by next_attempt_at limit :limit for update skip locked)
				returning id, kind, comment_id, recipient, subject, body_text, body_html, attempts
				""")
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("comment_id", UUID.class), new Mail(rs.getString("recipient"), rs.getString("subject"),
							rs.getString("body_text"), rs.getString("body_html")),
					rs.getInt("attempts")))
			.list();
	}

	void markSent(UUID id, Instant now) {
		this.jdbc.sql("update notification set status = 'SENT', sent_at = :now, last_error = null where id = :id")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
	}

	void markRetry(UUID id, Instant nextAttempt, String error) {
		this.jdbc.sql("update notification set status = 'PENDING', next_attempt_at = :next, last_error = :error where id = :id")
			.param("next", Timestamp.from(nextAttempt))
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	void markFailed(UUID id, String error) {
		this.jdbc.sql("update notification set status = 'FAILED', last_error = :error where id = :id")
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	private static String truncate(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	record Claimed(UUID id, String kind, @Nullable UUID commentId, Mail mail, int attempts) {
	}

}
