package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Instant;

import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who asked for no more mail, by keyed email hash: about everything ({@value #ALL}) or about one thread
 * ({@code thread:<comment id>}). Read when a mail is recorded and again when it is sent.
 */
@Repository
class OptOuts {

	static final String ALL = "all";

	private final JdbcClient jdbc;

	OptOuts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(EmailHash recipient, String scope, Instant now) {
		this.jdbc.sql("insert into notification_optout (recipient_hash, scope, created_at) values (?, ?, ?) "
				+ "on conflict do nothing")
			.params(recipient.value(), scope, Timestamp.from(now))
			.update();
	}

	void remove(EmailHash recipient, String scope) {
		this.jdbc.sql("delete from notification_optout where recipient_hash = ? and scope = ?")
			.params(recipient.value(), scope)
			.update();
	}

	/** Whether this recipient wants nothing of this scope (an opt-out of everything covers every scope). */
	boolean excludes(EmailHash recipient, String scope) {
		return this.jdbc.sql("select count(*) from notification_optout where recipient_hash = ? and scope in (?, ?)")
			.params(recipient.value(), ALL, scope)
			.query(Integer.class)
			.single() > 0;
	}

}
