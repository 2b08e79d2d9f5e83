package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Instant;

import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts the single mails recorded for each post author per clock hour, atomically, so that of many verdicts at once
 * exactly the allowed number become single mails.
 */
@Repository
class AuthorMailCount {

	private final JdbcClient jdbc;

	AuthorMailCount(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts one more mail for the author in the hour ending at {@code hourEnd}. @return the count, this one included */
	int increment(EmailHash author, Instant hourEnd) {
		return this.jdbc.sql("""
				insert into author_mail_count (recipient_hash, hour_end, mails) values (?, ?, 1)
				on conflict (recipient_hash, hour_end) do update set mails = author_mail_count.mails + 1
				returning mails
				""")
			.params(author.value(), Timestamp.from(hourEnd))
			.query(Integer.class)
			.single();
	}

	/** Forgets the counts of hours that ended before then. @return how many */
	int forget(Instant before) {
		return this.jdbc.sql("delete from author_mail_count where hour_end < ?").param(Timestamp.from(before)).update();
	}

}
