package dev.moderato.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EncryptedEmail;
import dev.moderato.system.ScrubbedError;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every notification is written here before it is sent, under a key that names the event it answers, so a
 * redelivered event records (and sends) nothing new. Senders claim due mails with a lease, so several instances
 * share the work and a crashed sender's mail is picked up again. Recipients are stored encrypted, with a keyed hash
 * so that an opt-out made after recording still stops the mail at send time.
 */
@Repository
class NotificationLog {

	private static final String FIELDS = "id, kind, comment_id, recipient, recipient_key_id, recipient_ciphertext, "
			+ "subject, body_text, body_html, unsubscribe_url, attempts";

	private final JdbcClient jdbc;

	private final CommenterPrivacy privacy;

	NotificationLog(JdbcClient jdbc, CommenterPrivacy privacy) {
		this.jdbc = jdbc;
		this.privacy = privacy;
	}

	/** @return whether it was recorded now (false if the key was recorded before) */
	boolean recordOnce(String key, String kind, @Nullable UUID commentId, Mail mail, Instant now) {
		return recordOnce(key, kind, commentId, mail, null, now);
	}

	/**
	 * Records a mail once under {@code key}.
	 * @param scope what an opt-out must name to stop it ({@code thread:<id>}, {@code kind:<kind>}); an opt-out of
	 * everything stops every mail
	 * @return whether it was recorded now (false if the key was recorded before)
	 */
	boolean recordOnce(String key, String kind, @Nullable UUID commentId, Mail mail, @Nullable String scope,
			Instant now) {
		return recordOnce(key, kind, commentId, List.of(), mail, scope, now);
	}

	/**
	 * Records a mail once under {@code key}.
	 * @param aboutComments the comments a mail about several (a digest) tells about, so an erase finds it
	 */
	boolean recordOnce(String key, String kind, @Nullable UUID commentId, List<UUID> aboutComments, Mail mail,
			@Nullable String scope, Instant now) {
		EncryptedEmail recipient = this.privacy.encrypt(mail.recipient());
		return this.jdbc.sql("""
				insert into notification (id, dedup_key, kind, comment_id, recipient_key_id, recipient_ciphertext,
				  recipient_hash, scope, unsubscribe_url, subject, body_text, body_html, status, attempts, next_attempt_at,
				  created_at, about_comments)
				values (:id, :key, :kind, :commentId, :keyId, :ciphertext, :hash, :scope, :unsubscribe, :subject, :text,
				  :html, 'PENDING', 0, :now, :now, cast(:about as uuid[]))
				on conflict (dedup_key) do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("key", key)
			.param("kind", kind)
			.param("commentId", commentId)
			.param("keyId", recipient.keyId())
			.param("ciphertext", recipient.ciphertext())
			.param("hash", this.privacy.hash(mail.recipient()).value())
			.param("scope", scope)
			.param("unsubscribe", mail.unsubscribeUrl())
			.param("subject", mail.subject())
			.param("text", mail.text())
			.param("html", mail.html())
			.param("now", Timestamp.from(now))
			.param("about", aboutComments.isEmpty() ? null
					: "{" + String.join(",", aboutComments.stream().map(UUID::toString).toList()) + "}")
			.update() == 1;
	}

	/** Whether a mail was recorded under {@code key}. */
	boolean recorded(String key) {
		return this.jdbc.sql("select count(*) from notification where dedup_key = ?").param(key).query(Integer.class)
			.single() > 0;
	}

	/**
	 * Drops due mails whose recipient opted out since they were recorded: of everything, of their thread, or of
	 * their kind. They stay in the table as {@code SUPPRESSED}.
	 * @return how many were dropped
	 */
	int suppressUnwanted(Instant now) {
		return this.jdbc.sql("""
				update notification n set status = 'SUPPRESSED', last_error = null
				where n.status in ('PENDING', 'SENDING') and n.next_attempt_at <= :now and n.recipient_hash is not null
				  and (exists (select 1 from notification_optout o
				               where o.recipient_hash = n.recipient_hash and (o.scope = 'all' or o.scope = n.scope))
				    or exists (select 1 from author_preference p
				               where p.recipient_hash = n.recipient_hash
				                 and ((n.scope = 'kind:new-comment' and not p.new_comment)
				                   or (n.scope = 'kind:held' and not p.held))))
				""")
			.param("now", Timestamp.from(now))
			.update();
	}

	List<Claimed> claimDue(int limit, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				update notification set status = 'SENDING', attempts = attempts + 1, next_attempt_at = :leaseUntil
				where id in (select id from notification
				             where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
				             order by next_attempt_at limit :limit for update skip locked)
				returning\s""" + FIELDS)
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("comment_id", UUID.class), sealed(rs), rs.getInt("attempts")))
			.list();
	}

	/**
	 * The mail of a claimed notification, its recipient decrypted.
	 * @throws IllegalStateException if the recipient cannot be decrypted (its key is no longer configured)
	 */
	Mail open(Claimed claimed) {
		Sealed sealed = claimed.sealed();
		String recipient = sealed.ciphertext() == null ? sealed.plainRecipient()
				: this.privacy.decrypt(new EncryptedEmail(sealed.keyId(), sealed.ciphertext()));
		if (recipient == null) {
			throw new IllegalStateException("Notification without a recipient");
		}
		return new Mail(recipient, sealed.subject(), sealed.text(), sealed.html(), sealed.unsubscribeUrl());
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

	/** Notifications in one status, newest first, with their recipients decrypted (for admins only). */
	List<Entry> inStatus(String status, int limit) {
		return this.jdbc.sql("""
				select id, kind, comment_id, recipient, recipient_key_id, recipient_ciphertext, status, attempts,
				  last_error, created_at, sent_at
				from notification where status = :status order by created_at desc limit :limit
				""")
			.param("status", status)
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("comment_id", UUID.class), recipient(rs), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant).orElse(null)))
			.list();
	}

	/** @return the status the notification had, if it exists; a failed one is due again now with fresh attempts */
	Optional<String> retryFailed(UUID id, Instant now) {
		Optional<String> status = this.jdbc.sql("select status from notification where id = ? for update")
			.param(id)
			.query(String.class)
			.optional();
		if (status.filter("FAILED"::equals).isPresent()) {
			this.jdbc.sql("update notification set status = 'PENDING', attempts = 0, next_attempt_at = :now where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", id)
				.update();
		}
		return status;
	}

	private static Sealed sealed(ResultSet rs) throws SQLException {
		return new Sealed(rs.getString("recipient"), rs.getString("recipient_key_id"), rs.getString("recipient_ciphertext"),
				rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getString("unsubscribe_url"));
	}

	private String recipient(ResultSet rs) throws SQLException {
		String ciphertext = rs.getString("recipient_ciphertext");
		if (ciphertext == null) { // rows recorded before recipients were encrypted keep their plain address
			return rs.getString("recipient");
		}
		try {
			return this.privacy.decrypt(new EncryptedEmail(rs.getString("recipient_key_id"), ciphertext));
		}
		catch (IllegalStateException ex) { // one unreadable row must not hide the others from admins
			return "(cannot be decrypted: key " + rs.getString("recipient_key_id") + ")";
		}
	}

	private static String truncate(String error) {
		String scrubbed = ScrubbedError.scrub(error);
		return scrubbed.length() > 1000 ? scrubbed.substring(0, 1000) : scrubbed;
	}

	/** A claimed notification; its recipient stays encrypted until {@link #open} decrypts it. */
	record Claimed(UUID id, String kind, @Nullable UUID commentId, Sealed sealed, int attempts) {
	}

	/** A stored mail, its recipient as stored: encrypted, or plain for rows recorded before encryption. */
	record Sealed(@Nullable String plainRecipient, @Nullable String keyId, @Nullable String ciphertext, String subject,
			String text, String html, @Nullable String unsubscribeUrl) {

		@Override
		public String toString() {
			return "Sealed[" + this.subject + "]";
		}

	}

	/** A notification as admins see it. */
	record Entry(UUID id, String kind, @Nullable UUID commentId, String recipient, String status, int attempts,
			@Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
	}

}
