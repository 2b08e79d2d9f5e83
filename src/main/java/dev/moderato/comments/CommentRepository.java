package dev.moderato.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and changes stored comments (the verdict path inserts through {@link CommentWriter}).
 */
@Repository
class CommentRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext, email_hash,
			ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons, moderated_at, moderated_by, version,
			avatar_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CommentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a moderator's decision if nobody changed the comment since it was read.
	 * @return whether it was stored (false: someone else changed it first)
	 */
	boolean updateStatus(Comment comment) {
		return this.jdbc.sql("""
				update comment set status = :status, moderated_at = :moderatedAt, moderated_by = :moderatedBy,
				  version = version + 1
				where id = :id and version = :version
				""")
			.param("status", comment.status().name())
			.param("moderatedAt", comment.moderatedAt() == null ? null : Timestamp.from(comment.moderatedAt()))
			.param("moderatedBy", comment.moderatedBy())
			.param("id", comment.id().value())
			.param("version", comment.version())
			.update() == 1;
	}

	boolean delete(CommentId id) {
		return this.jdbc.sql("delete from comment where id = ?").param(id.value()).update() == 1;
	}

	Optional<Comment> find(CommentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where id = ?")
			.param(id.value())
			.query(this::map)
			.optional();
	}

	CommentPage query(CommentQuery query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from comment where status in (:statuses)");
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		if (query.posts() != null) {
			if (query.posts().isEmpty()) {
				return new CommentPage(List.of(), null);
			}
			sql.append(" and post_id in (:posts)");
			params.put("posts", query.posts().stream().map(PostId::value).toList());
		}
		if (query.commenter() != null) {
			sql.append(" and email_hash = :commenter");
			params.put("commenter", query.commenter().value());
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" and text ilike :text escape '\\'");
			params.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		String sortColumn = query.order() == CommentQuery.Order.SCORE ? "spam_score" : "submitted_at";
		String direction = query.order() == CommentQuery.Order.OLDEST ? "asc" : "desc";
		if (query.after() != null) {
			sql.append(" and (" + sortColumn + ", id) " + (direction.equals("asc") ? ">" : "<") + " (:afterValue, :afterId)");
			params.put("afterValue", query.order() == CommentQuery.Order.SCORE ? Double.valueOf(query.after().sortValue())
					: Timestamp.from(Instant.parse(query.after().sortValue())));
			params.put("afterId", query.after().id().value());
		}
		sql.append(" order by " + sortColumn + " " + direction + ", id " + direction + " limit :limit");
		params.put("limit", query.limit() + 1);
		List<Comment> found = this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
		if (found.size() <= query.limit()) {
			return new CommentPage(found, null);
		}
		List<Comment> page = found.subList(0, query.limit());
		Comment last = page.get(page.size() - 1);
		String sortValue = query.order() == CommentQuery.Order.SCORE ? Double.toString(last.spamScore())
				: last.submittedAt().toString();
		return new CommentPage(List.copyOf(page), new CommentQuery.Cursor(sortValue, last.id()));
	}

	Map<CommentStatus, Long> counts(@Nullable Set<PostId> posts) {
		Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
		for (CommentStatus status : CommentStatus.values()) {
			if (status != CommentStatus.PENDING) {
				counts.put(status, 0L);
			}
		}
		if (posts != null && posts.isEmpty()) {
			return counts;
		}
		String where = posts == null ? "" : " where post_id in (:posts)";
		Map<String, Object> params = posts == null ? Map.of() : Map.of("posts", posts.stream().map(PostId::value).toList());
		this.jdbc.sql("select status, count(*) from comment" + where + " group by status")
			.params(params)
			.query((rs, n) -> Map.entry(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	Optional<Instant> oldestHeldAt() {
		// min() over no rows is one row holding null
		return this.jdbc.sql("select min(submitted_at) from comment where status = 'HELD'")
			.query((rs, n) -> Optional.ofNullable(instant(rs, "min")))
			.single();
	}

	List<Comment> findByCommenter(EmailHash hash) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where email_hash = ? order by submitted_at, id")
			.param(hash.value())
			.query(this::map)
			.list();
	}

	/**
	 * Anonymises a commenter's comments: name "deleted", no url, email replaced, a random unlinkable hash per comment
	 * (two uuids' hex digits: 64 random-enough lower-case hex), no IP data, no avatar, no reply notifications.
	 */
	int anonymise(EmailHash hash, EncryptedEmail placeholder, boolean removeText) {
		return this.jdbc.sql("""
				update comment set author_name = 'deleted', author_url = null, email_key_id = :keyId,
				  email_ciphertext = :ciphertext,
				  email_hash = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
				  ip_prefix = null, ip_hash = null, avatar_id = null, notify_replies = false,
				  text = case when :removeText then '[deleted]' else text end,
				  html = case when :removeText then :deletedHtml else html end, version = version + 1
				where email_hash = :hash
				""")
			.param("keyId", placeholder.keyId())
			.param("ciphertext", placeholder.ciphertext())
			.param("removeText", removeText)
			.param("deletedHtml", CommentHtml.render("[deleted]"))
			.param("hash", hash.value())
			.update();
	}

	private Comment map(ResultSet rs, int row) throws SQLException {
		UUID parent = rs.getObject("parent_id", UUID.class);
		CommentAuthor author = new CommentAuthor(rs.getString("author_name"), rs.getString("author_url"),
				new EncryptedEmail(rs.getString("email_key_id"), rs.getString("email_ciphertext")),
				new EmailHash(rs.getString("email_hash")));
		return Comment.restore(new CommentId(rs.getObject("id", UUID.class)), new PostId(rs.getString("post_id")),
				parent == null ? null : new CommentId(parent), author, rs.getString("ip_prefix"), rs.getString("ip_hash"),
				rs.getString("text"), rs.getBoolean("notify_replies"), instant(rs, "submitted_at"),
				CommentStatus.valueOf(rs.getString("status")), rs.getDouble("spam_score"),
				this.json.readValue(rs.getString("reasons"), STRINGS), instant(rs, "moderated_at"),
				rs.getString("moderated_by"), rs.getInt("version"), rs.getString("avatar_id"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
