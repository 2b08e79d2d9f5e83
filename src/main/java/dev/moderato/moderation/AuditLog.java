package dev.moderato.moderation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of who did what to which comment, when, from which status. The database refuses updates and
 * deletes of it.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry. */
	public record Entry(long id, UUID commentId, String postId, String action, String actor, String actorKind,
			String fromStatus, String toStatus, Instant at) {
	}

	void append(UUID commentId, String postId, String action, Actor actor, String from, String to, Instant at) {
		this.jdbc.sql("""
				insert into moderation_audit (comment_id, post_id, action, actor, actor_kind, from_status, to_status, at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(commentId, postId, action, actor.name(), actor.kind().wireValue(), from, to, Timestamp.from(at))
			.update();
	}

	/** Every entry on these comments, oldest first (for the moderation page: who decided, and what the filter said). */
	public List<Entry> onComments(Collection<UUID> commentIds) {
		if (commentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from moderation_audit where comment_id in (:ids) order by id")
			.param("ids", commentIds)
			.query(AuditLog::entry)
			.list();
	}

	/** Newest first, optionally for one comment or one actor, before an entry id (paging). */
	public List<Entry> find(@Nullable UUID commentId, @Nullable String actor, @Nullable Long before, int limit) {
		StringBuilder sql = new StringBuilder("select * from moderation_audit where true");
		Map<String, Object> params = new HashMap<>();
		if (commentId != null) {
			sql.append(" and comment_id = :comment");
			params.put("comment", commentId);
		}
		if (actor != null) {
			sql.append(" and actor = :actor");
			params.put("actor", actor);
		}
		if (before != null) {
			sql.append(" and id < :before");
			params.put("before", before);
		}
		sql.append(" order by id desc limit :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query(AuditLog::entry)
			.list();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getObject("comment_id", UUID.class), rs.getString("post_id"),
				rs.getString("action"), rs.getString("actor"), rs.getString("actor_kind"), rs.getString("from_status"),
				rs.getString("to_status"), rs.getTimestamp("at").toInstant());
	}

}
