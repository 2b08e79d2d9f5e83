package dev.moderato.comments;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Inserts judged comments, one or a batch at a time (one JDBC batch, one round trip), each at most once: an id already
 * stored (a redelivery) is skipped. The verdict path's only write to {@code comment}: its verdicts count as not yet
 * announced (a row in {@code verdict_unannounced}) until the caller says they are.
 */
@Repository
class CommentWriter {

	/** Stores a comment unless its id is, and notes its verdict as not yet announced (V25); 1 if it was stored. */
	private static final String INSERT = """
			with stored as (
			  insert into comment (id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			    email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
			    moderated_at, moderated_by, version, fingerprint, avatar_id, html)
			  values (:id, :postId, (select p.id from comment p where p.id = cast(:parentId as uuid)), :authorName,
			    :authorUrl, :keyId, :ciphertext, :emailHash, :ipPrefix, :ipHash, :text, :notifyReplies, :submittedAt,
			    :status, :spamScore, cast(:reasons as jsonb), :moderatedAt, :moderatedBy, 0, :fingerprint, :avatarId,
			    :html)
			  on conflict (id) do nothing
			  returning id)
			insert into verdict_unannounced (comment_id) select id from stored
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	CommentWriter(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One comment to insert, with what is stored beside it. */
	record Row(Comment comment, @Nullable Long fingerprint, @Nullable String avatarId) {
	}

	/**
	 * Inserts each comment unless one with its id exists, in order (a reply after a parent of the same batch). A
	 * parent deleted meanwhile is dropped (the reply is stored top-level) instead of failing the foreign key.
	 * @return for each row, whether it was inserted
	 */
	boolean[] insertIfAbsent(List<Row> rows) {
		SqlParameterSource[] batch = rows.stream().map(this::params).toArray(SqlParameterSource[]::new);
		int[] counts = this.jdbc.batchUpdate(INSERT, batch);
		boolean[] inserted = new boolean[rows.size()];
		for (int i = 0; i < counts.length; i++) {
			inserted[i] = counts[i] == 1;
		}
		return inserted;
	}

	Set<CommentId> unannounced(Collection<CommentId> ids) {
		return new HashSet<>(this.jdbc.query("select comment_id from verdict_unannounced where comment_id in (:ids)",
				Map.of("ids", ids.stream().map(CommentId::value).toList()),
				(rs, n) -> new CommentId(rs.getObject(1, UUID.class))));
	}

	void announced(Collection<CommentId> ids) {
		this.jdbc.update("delete from verdict_unannounced where comment_id in (:ids)",
				Map.of("ids", ids.stream().map(CommentId::value).toList()));
	}

	private SqlParameterSource params(Row row) {
		Comment comment = row.comment();
		return new MapSqlParameterSource().addValue("fingerprint", row.fingerprint())
			.addValue("avatarId", row.avatarId())
			.addValue("html", CommentHtml.render(comment.text()))
			.addValue("id", comment.id().value())
			.addValue("postId", comment.postId().value())
			.addValue("parentId", comment.parentId() == null ? null : comment.parentId().value())
			.addValue("authorName", comment.author().name())
			.addValue("authorUrl", comment.author().url())
			.addValue("keyId", comment.author().email().keyId())
			.addValue("ciphertext", comment.author().email().ciphertext())
			.addValue("emailHash", comment.author().emailHash().value())
			.addValue("ipPrefix", comment.ipPrefix())
			.addValue("ipHash", comment.ipHash())
			.addValue("text", comment.text())
			.addValue("notifyReplies", comment.notifyReplies())
			.addValue("submittedAt", Timestamp.from(comment.submittedAt()))
			.addValue("status", comment.status().name())
			.addValue("spamScore", comment.spamScore())
			.addValue("reasons", this.json.writeValueAsString(comment.reasons()))
			.addValue("moderatedAt", comment.moderatedAt() == null ? null : Timestamp.from(comment.moderatedAt()))
			.addValue("moderatedBy", comment.moderatedBy());
	}

}
