package dev.moderato.comments;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The retention jobs' changes to stored comments: IP data forgotten, held and spam comments purged.
 */
@Repository
class CommentRetention {

	private final JdbcClient jdbc;

	CommentRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	int forgetIpAddresses(Instant submittedBefore) {
		return this.jdbc.sql("""
				update comment set ip_prefix = null, ip_hash = null
				where submitted_at < ? and (ip_prefix is not null or ip_hash is not null)
				""")
			.param(Timestamp.from(submittedBefore))
			.update();
	}

	/** Deletes comments of this status not submitted or decided on since then. */
	int purge(CommentStatus status, Instant unchangedSince) {
		return this.jdbc.sql("""
				delete from comment where status = ? and submitted_at < ? and coalesce(moderated_at, submitted_at) < ?
				""")
			.param(status.name())
			.param(Timestamp.from(unchangedSince))
			.param(Timestamp.from(unchangedSince))
			.update();
	}

}
