package dev.moderato.spam;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The spam filter's shared memory in PostgreSQL: the ordered log of decisions every instance learns from (each with
 * its site), and each site's latest saved layer with the log position it includes.
 */
@Repository
class SpamMemory {

	/** What an erased decision's text becomes (GDPR erase with text): such a decision teaches nothing any more. */
	static final String ERASED_TEXT = "[deleted]";

	private static final String COLUMNS = "seq, txid::text as txid, site_id, event_id, comment_id, post_id, author_name, author_url, text, spam";

	private final JdbcClient jdbc;

	private final Clock clock;

	SpamMemory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a decision once (by event id). @return whether it is new */
	boolean record(Feedback feedback) {
		return this.jdbc.sql("""
				insert into spam_feedback (site_id, event_id, comment_id, post_id, author_name, author_url, text, spam,
				  created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing
				""")
			.params(feedback.siteId(), feedback.eventId(), feedback.commentId(), feedback.postId(), feedback.authorName(),
					feedback.authorUrl(), feedback.text(), feedback.spam(), Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * A place in the decision log: the inserting transaction's id ({@code xid8}) and the row's seq. The log is read in
	 * this order, not by seq alone: a transaction may take a lower seq than another and commit after it, and a reader
	 * that had moved past the higher seq would skip the late row forever.
	 */
	record Position(long txid, long seq) {

		static final Position START = new Position(0, 0);

	}

	/** One logged decision and its place in the log. */
	record Logged(Position position, Feedback feedback) {

		long seq() {
			return this.position.seq();
		}

	}

	/**
	 * Decisions after {@code position}, in log order, that no running transaction can still precede: only rows whose
	 * transaction is older than the oldest one still running ({@code pg_snapshot_xmin}) are read. Those are final (no
	 * transaction that ends later can have a lower id, since ids are handed out in increasing order), so reading up to
	 * that bound never skips a row, whatever the clocks and however slow a commit. A long-open transaction anywhere in the
	 * database delays learning until it ends; it never makes an instance skip a decision.
	 */
	List<Logged> after(Position position, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from spam_feedback
				where (txid, seq) > (cast(:txid as xid8), :seq)
				  and txid < pg_snapshot_xmin(pg_current_snapshot())
				order by txid, seq limit :limit
				""")
			.param("txid", Long.toUnsignedString(position.txid()))
			.param("seq", position.seq())
			.param("limit", limit)
			.query((rs, n) -> logged(rs))
			.list();
	}

	/**
	 * One site's decisions after {@code after} up to and including {@code upTo}, in log order: what a site's saved layer
	 * has not learned of what this instance has read (everything up to {@code upTo} is final).
	 */
	List<Logged> forSite(String siteId, Position after, Position upTo, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from spam_feedback
				where site_id = :site
				  and (txid, seq) > (cast(:txid as xid8), :seq)
				  and (txid, seq) <= (cast(:uptoTxid as xid8), :uptoSeq)
				order by txid, seq limit :limit
				""")
			.param("site", siteId)
			.param("txid", Long.toUnsignedString(after.txid()))
			.param("seq", after.seq())
			.param("uptoTxid", Long.toUnsignedString(upTo.txid()))
			.param("uptoSeq", upTo.seq())
			.param("limit", limit)
			.query((rs, n) -> logged(rs))
			.list();
	}

	/**
	 * The last final place in the log (see {@link #after}): a new instance starts reading there, and loads each site's
	 * saved layer with the decisions up to it when the site is first used.
	 */
	Position end() {
		return this.jdbc.sql("""
				select txid::text, seq from spam_feedback where txid < pg_snapshot_xmin(pg_current_snapshot())
				order by txid desc, seq desc limit 1
				""")
			.query((rs, n) -> new Position(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)))
			.optional()
			.orElse(Position.START);
	}

	private static Logged logged(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Logged(new Position(Long.parseUnsignedLong(rs.getString("txid")), rs.getLong("seq")), feedback(rs));
	}

	private static Feedback feedback(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Feedback(rs.getString("site_id"), rs.getObject("event_id", UUID.class), rs.getObject("comment_id", UUID.class),
				rs.getString("post_id"), rs.getString("author_name"), rs.getString("author_url"), rs.getString("text"),
				rs.getBoolean("spam"));
	}

	/** Logged decisions about these comments, in log order. */
	List<Logged> about(Collection<UUID> comments) {
		if (comments.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from spam_feedback where comment_id in (:ids) order by txid, seq")
			.param("ids", comments)
			.query((rs, n) -> logged(rs))
			.list();
	}

	/** Removes the author (and the text, if asked) from logged decisions about these comments. */
	int anonymise(Collection<UUID> comments, boolean removeText) {
		if (comments.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				update spam_feedback set author_name = 'deleted', author_url = null,
				  text = case when :removeText then :erased else text end
				where comment_id in (:ids)
				""")
			.param("removeText", removeText)
			.param("erased", ERASED_TEXT)
			.param("ids", comments)
			.update();
	}

	/** A site's saved layer and the log position it includes. */
	record Snapshot(Position applied, byte[] bytes) {
	}

	Optional<Snapshot> latest(String siteId) {
		return this.jdbc.sql("select applied_txid::text, applied_seq, snapshot from spam_model where site_id = ?")
			.param(siteId)
			.query((rs, n) -> new Snapshot(new Position(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2)),
					rs.getBytes(3)))
			.optional();
	}

	/** Saves a site's layer unless a newer one is already saved (several instances may try). */
	void save(String siteId, Snapshot snapshot) {
		this.jdbc.sql("""
				insert into spam_model (site_id, applied_txid, applied_seq, snapshot, updated_at)
				values (:name, cast(:txid as xid8), :seq, :snapshot, :at)
				on conflict (site_id) do update set applied_txid = excluded.applied_txid, applied_seq = excluded.applied_seq,
				  snapshot = excluded.snapshot, updated_at = excluded.updated_at
				where (spam_model.applied_txid, spam_model.applied_seq) < (excluded.applied_txid, excluded.applied_seq)
				""")
			.param("name", siteId)
			.param("txid", Long.toUnsignedString(snapshot.applied().txid()))
			.param("seq", snapshot.applied().seq())
			.param("snapshot", snapshot.bytes())
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

}
