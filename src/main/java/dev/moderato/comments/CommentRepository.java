package dev.moderato.comments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * Stores comments in PostgreSQL.
 */
@Repository
class CommentRepository {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext, email_hash,
			ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons, moderated_at, moderated_by
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CommentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Inserts the comment unless one with its id exists. @return whether it was inserted */
	boolean insertIfAbsent(Comment comment) {
		return this.jdbc.sql("insert into comment (" + COLUMNS + """
				) values (:id, :postId, :parentId, :authorName, :authorUrl, :keyId, :ciphertext, :emailHash,
				  :ipPrefix, :ipHash, :text, :notifyReplies, :submittedAt, :status, :spamScore, cast(:reasons as jsonb),
				  :moderatedAt, :moderatedBy)
				on conflict (id) do nothing
				""")
			.param("id", comment.id().value())
			.param("postId", comment.postId().value())
			.param("parentId", comment.parentId() == null ? null : comment.parentId().value())
			.param("authorName", comment.author().name())
			.param("authorUrl", comment.author().url())
			.param("keyId", comment.author().email().keyId())
			.param("ciphertext", comment.author().email().ciphertext())
			.param("emailHash", comment.author().emailHash().value())
			.param("ipPrefix", comment.ipPrefix())
			.param("ipHash", comment.ipHash())
			.param("text", comment.text())
			.param("notifyReplies", comment.notifyReplies())
			.param("submittedAt", Timestamp.from(comment.submittedAt()))
			.param("status", comment.status().name())
			.param("spamScore", comment.spamScore())
			.param("reasons", this.json.writeValueAsString(comment.reasons()))
			.param("moderatedAt", comment.moderatedAt() == null ? null : Timestamp.from(comment.moderatedAt()))
			.param("moderatedBy", comment.moderatedBy())
			.update() == 1;
	}

	Optional<Comment> find(CommentId id) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where id = ?")
			.param(id.value())
			.query(this::map)
			.optional();
	}

	List<Comment> findByPostAndStatus(PostId post, CommentStatus status) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where post_id = ? and status = ? order by submitted_at, id")
			.param(post.value())
			.param(status.name())
			.query(this::map)
			.list();
	}

	CommenterHistory history(EmailHash hash) {
		return this.jdbc.sql("""
				select count(*) filter (where status = 'APPROVED'), count(*) filter (where status = 'HELD'),
				       count(*) filter (where status = 'SPAM'), count(*) filter (where status = 'REJECTED')
				from comment where email_hash = ?
				""")
			.param(hash.value())
			.query((rs, n) -> new CommenterHistory(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
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
				rs.getString("moderated_by"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

}
