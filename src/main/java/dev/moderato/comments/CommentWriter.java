package dev.moderato.comments;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inserts judged comments, a batch at a time in one statement (the rows travel as arrays, one per column), each at
 * most once: an id already stored (a redelivery) is skipped. The verdict path's only write to {@code comment}: its
 * verdicts count as not yet announced (a row in {@code verdict_unannounced}) until the caller says they are.
 */
@Repository
class CommentWriter {

	/**
	 * Stores the batch's comments whose ids are not stored, notes their verdicts as not yet announced (V25) and returns
	 * their ids. One statement: one parse, one round trip and one firing of the statement-level triggers (the
	 * commenter counters) per batch instead of one per comment. A parent must be stored already or come in the same
	 * batch (the foreign key is checked at the statement's end); one deleted meanwhile is dropped and the reply stored
	 * top-level instead of failing the foreign key.
	 */
	private static final String INSERT = """
			with batch as (
			  select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			    with ordinality as b(id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			      email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
			      moderated_at, moderated_by, fingerprint, avatar_id, html, n)),
			stored as (
			  insert into comment (id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			    email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
			    moderated_at, moderated_by, version, fingerprint, avatar_id, html)
			  select b.id, b.post_id,
			    case when exists (select 1 from comment p where p.id = b.parent_id)
			      or b.parent_id in (select n.id from batch n) then b.parent_id end,
			    b.author_name, b.author_url, b.email_key_id, b.email_ciphertext, b.email_hash, b.ip_prefix, b.ip_hash,
			    b.text, b.notify_replies, b.submitted_at, b.status, b.spam_score, cast(b.reasons as jsonb),
			    b.moderated_at, b.moderated_by, 0, b.fingerprint, b.avatar_id, b.html
			  from batch b order by b.n
			  on conflict (id) do nothing
			  returning id),
			unannounced as (insert into verdict_unannounced (comment_id) select id from stored)
			select id from stored
			""";

	private static final String[] TYPES = { "uuid", "varchar", "uuid", "varchar", "varchar", "varchar", "text",
			"varchar", "varchar", "varchar", "text", "bool", "timestamptz", "varchar", "float8", "text", "timestamptz",
			"varchar", "int8", "varchar", "text" };

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	CommentWriter(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
	}

	/** One comment to insert, with what is stored beside it. */
	record Row(Comment comment, @Nullable Long fingerprint, @Nullable String avatarId) {
	}

	/**
	 * Inserts each comment unless one with its id exists; a reply may come in the same batch as its parent.
	 * @return for each row, whether it was inserted
	 */
	boolean[] insertIfAbsent(List<Row> rows) {
		Object[][] values = rows.stream().map(this::values).toArray(Object[][]::new);
		Set<UUID> stored = new HashSet<>(
				this.jdbc.query(INSERT, (rs, n) -> rs.getObject(1, UUID.class), ColumnArrays.of(TYPES, values)));
		boolean[] inserted = new boolean[rows.size()];
		for (int i = 0; i < inserted.length; i++) {
			// an id twice in one batch is stored once, for its first row
			inserted[i] = stored.remove(rows.get(i).comment().id().value());
		}
		return inserted;
	}

	Set<CommentId> unannounced(Collection<CommentId> ids) {
		return new HashSet<>(this.named.query("select comment_id from verdict_unannounced where comment_id in (:ids)",
				Map.of("ids", ids.stream().map(CommentId::value).toList()),
				(rs, n) -> new CommentId(rs.getObject(1, UUID.class))));
	}

	/**
	 * Deletes the notes of these verdicts. The transaction's commit does not wait for its WAL to reach the disk
	 * ({@code synchronous_commit} off for it alone): a note lost in a crash only makes a redelivery announce its verdict
	 * again, which every consumer of {@code comments.moderated} takes as once, while waiting would cost every poll a
	 * second flush.
	 */
	void announced(Collection<CommentId> ids) {
		this.jdbc.execute("set local synchronous_commit = off");
		this.named.update("delete from verdict_unannounced where comment_id in (:ids)",
				Map.of("ids", ids.stream().map(CommentId::value).toList()));
	}

	/** A row's columns in the order of {@link #TYPES}; timestamps as ISO 8601 in UTC, no time zone of the JVM involved. */
	private Object[] values(Row row) {
		Comment comment = row.comment();
		return new Object[] { comment.id().value(), comment.postId().value(),
				comment.parentId() == null ? null : comment.parentId().value(), comment.author().name(),
				comment.author().url(), comment.author().email().keyId(), comment.author().email().ciphertext(),
				comment.author().emailHash().value(), comment.ipPrefix(), comment.ipHash(), comment.text(),
				comment.notifyReplies(), comment.submittedAt().toString(), comment.status().name(), comment.spamScore(),
				this.json.writeValueAsString(comment.reasons()),
				comment.moderatedAt() == null ? null : comment.moderatedAt().toString(), comment.moderatedBy(),
				row.fingerprint(), row.avatarId(), CommentHtml.render(comment.text()) };
	}

}
