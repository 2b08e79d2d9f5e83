package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Double opt-in for reply notifications, per keyed email hash: a request (one confirmation mail at most per address
 * per resend interval), then a confirmation by link. Unconfirmed requests expire.
 */
@Repository
class ReplySubscriptions {

	private final JdbcClient jdbc;

	ReplySubscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean confirmed(EmailHash commenter) {
		return this.jdbc.sql("select count(*) from reply_subscription where email_hash = ? and confirmed_at is not null")
			.param(commenter.value())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records a request, atomically: only if the address is not confirmed and had no request within
	 * {@code resendAfter}, so two comments at once, a redelivered event or a flood of forged sign-ups send one
	 * confirmation mail.
	 * @return whether a confirmation mail should go out now
	 */
	boolean request(EmailHash commenter, Instant now, Instant expiresAt, Duration resendAfter) {
		return this.jdbc.sql("""
				insert into reply_subscription (email_hash, requested_at, expires_at) values (:hash, :now, :expires)
				on conflict (email_hash) do update set requested_at = excluded.requested_at, expires_at = excluded.expires_at
				where reply_subscription.confirmed_at is null and reply_subscription.requested_at <= :resendBefore
				""")
			.param("hash", commenter.value())
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.param("resendBefore", Timestamp.from(now.minus(resendAfter)))
			.update() == 1;
	}

	Confirmation confirm(EmailHash commenter, Instant now) {
		int confirmed = this.jdbc.sql("""
				update reply_subscription set confirmed_at = :now
				where email_hash = :hash and confirmed_at is null and expires_at > :now
				""")
			.param("hash", commenter.value())
			.param("now", Timestamp.from(now))
			.update();
		if (confirmed == 1) {
			return Confirmation.CONFIRMED;
		}
		return confirmed(commenter) ? Confirmation.ALREADY_CONFIRMED : Confirmation.EXPIRED;
	}

	/** Forgets requests nobody confirmed in time. @return how many */
	int expire(Instant now) {
		return this.jdbc.sql("delete from reply_subscription where confirmed_at is null and expires_at <= ?")
			.param(Timestamp.from(now))
			.update();
	}

	/** Whether this is the first time the comment became approved (remembered, so a re-approval is not). */
	boolean firstApproval(java.util.UUID commentId, Instant now) {
		return this.jdbc.sql("insert into reply_approval (comment_id, approved_at) values (?, ?) on conflict do nothing")
			.params(commentId, Timestamp.from(now))
			.update() == 1;
	}

}
