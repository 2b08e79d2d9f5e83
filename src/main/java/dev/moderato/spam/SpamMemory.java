package dev.moderato.spam;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The spam filter's shared memory in PostgreSQL: the ordered log of decisions every instance learns from, and the
 * latest model snapshot with the log position it includes.
 */
@Repository
class SpamMemory {

	static final String MODEL = "default";

	private final JdbcClient jdbc;

	private final Clock clock;

	SpamMemory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a decision once (by event id). @return whether it is new */
	boolean record(Feedback feedback) {
		return this.jdbc.sql("""
				insert into spam_feedback (event_id, comment_id, post_id, author_name, author_url, text, spam, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
				""")
			.params(feedback.eventId(), feedback.commentId(), feedback.postId(), feedback.authorName(),
					feedback.authorUrl(), feedback.text(), feedback.spam(), Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/** One logged decision and its place in the log. */
	record Logged(long seq, Feedback feedback) {
	}

	/**
	 * Decisions after {@code seq}, in order. Only rows older than {@code settle} are read, so a row whose transaction
	 * took a lower sequence number but committed later is not skipped.
	 */
	List<Logged> after(long seq, int limit, Duration settle) {
		return this.jdbc.sql("""
				select * from spam_feedback where seq > ? and created_at <= ? order by seq limit ?
				""")
			.param(seq)
			.param(Timestamp.from(this.clock.instant().minus(settle)))
			.param(limit)
			.query((rs, n) -> new Logged(rs.getLong("seq"), new Feedback(rs.getObject("event_id", UUID.class),
					rs.getObject("comment_id", UUID.class), rs.getString("post_id"), rs.getString("author_name"),
					rs.getString("author_url"), rs.getString("text"), rs.getBoolean("spam"))))
			.list();
	}

	/** Logged decisions about these comments, in log order. */
	List<Logged> about(Collection<UUID> comments) {
		if (comments.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from spam_feedback where comment_id in (:ids) order by seq")
			.param("ids", comments)
			.query((rs, n) -> new Logged(rs.getLong("seq"), new Feedback(rs.getObject("event_id", UUID.class),
					rs.getObject("comment_id", UUID.class), rs.getString("post_id"), rs.getString("author_name"),
					rs.getString("author_url"), rs.getString("text"), rs.getBoolean("spam"))))
			.list();
	}

	/** Removes the author (and the text, if asked) from logged decisions about these comments. */
	int anonymise(Collection<UUID> comments, boolean removeText) {
		if (comments.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update spam_feedback set author_name = 'deleted', author_url = null,
				  text = case when :removeText then '[deleted]' else text end
				where comment_id in (:ids)
				""")
			.param("removeText", removeText)
			.param("ids", comments)
			.update();
	}

	/** A saved model and the log position it includes. */
	record Snapshot(long appliedSeq, byte[] bytes) {
	}

	Optional<Snapshot> latest() {
		return this.jdbc.sql("select applied_seq, snapshot from spam_model where name = ?")
			.param(MODEL)
			.query((rs, n) -> new Snapshot(rs.getLong(1), rs.getBytes(2)))
			.optional();
	}

	/** Saves a snapshot unless a newer one is already saved (several instances may try). */
	void save(Snapshot snapshot) {
		this.jdbc.sql("""
				insert into spam_model (name, applied_seq, snapshot, updated_at) values (?, ?, ?, ?)
				on conflict (name) do update set applied_seq = excluded.applied_seq, snapshot = excluded.snapshot,
				  updated_at = excluded.updated_at
				where spam_model.applied_seq < excluded.applied_seq
				""")
			.params(MODEL, snapshot.appliedSeq(), snapshot.bytes(), Timestamp.from(this.clock.instant()))
			.update();
	}

}
