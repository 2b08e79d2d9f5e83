package dev.moderato.comments;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import dev.moderato.privacy.IpAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves whole comment histories in and out: stores imported comments in JDBC batches (encrypted and hashed exactly as
 * submitted ones, HTML rendered from the text as for them, no event, no mail) and streams a site's comments out.
 */
@Service
public class CommentTransfer {

	/** The domain of the placeholder address an imported comment without email gets: reserved, never delivered. */
	public static final String NO_EMAIL_DOMAIN = "imported.invalid";

	private static final String INSERT = """
			insert into comment (id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			  email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
			  moderated_at, moderated_by, version, avatar_id, html)
			values (?, ?, (select p.id from comment p where p.id = ?), ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, 0,
			  cast(? as jsonb), ?, ?, 0, ?, ?)
			on conflict (id) do nothing
			""";

	private final JdbcTemplate jdbc;

	private final CommenterPrivacy privacy;

	private final AvatarIds avatars;

	private final JsonMapper json;

	CommentTransfer(JdbcTemplate jdbc, CommenterPrivacy privacy, AvatarIds avatars, JsonMapper json) {
		this.jdbc = jdbc;
		this.privacy = privacy;
		this.avatars = avatars;
		this.json = json;
	}

	/**
	 * A comment from another system, already decided there.
	 *
	 * @param email the commenter's address, or {@code null}: then an unlinkable placeholder under
	 * {@link #NO_EMAIL_DOMAIN} is stored, a commenter of its own that is never mailed
	 * @param ip what may be kept of the address, or {@code null}
	 * @param text plain text, rendered to the thread's HTML as a submitted comment's is
	 */
	public record ImportedComment(CommentId id, PostId postId, @Nullable CommentId parentId, String authorName,
			@Nullable String authorUrl, @Nullable String email, @Nullable IpAddress ip, String text,
			Instant submittedAt, CommentStatus status, List<String> reasons, String decidedBy) {

		public ImportedComment {
			Objects.requireNonNull(id, "id");
			if (status == CommentStatus.PENDING) {
				throw new IllegalArgumentException("An imported comment is decided");
			}
		}

	}

	/**
	 * Stores the comments in one transaction (one JDBC batch); one whose id exists is left as it is. The commenter
	 * counters follow through their trigger, and the thread version of every post given a published comment is bumped.
	 */
	@Transactional
	public void store(List<ImportedComment> comments, Identities identities) {
		this.jdbc.batchUpdate(INSERT, comments, comments.size(), (ps, c) -> bind(ps, c, identities));
		Set<String> published = new TreeSet<>(); // post id order: two batches cannot deadlock on thread_version
		for (ImportedComment c : comments) {
			if (c.status() == CommentStatus.APPROVED) {
				published.add(c.postId().value());
			}
		}
		for (String post : published) {
			this.jdbc.update("""
					insert into thread_version (post_id, version) values (?, 1)
					on conflict (post_id) do update set version = thread_version.version + 1
					""", post);
		}
	}

	/** Gives replies stored top-level, because their parent came later in the file, that parent. */
	@Transactional
	public void attachToParents(List<CommentId[]> childAndParent) {
		this.jdbc.batchUpdate("update comment set parent_id = (select p.id from comment p where p.id = ?) where id = ?",
				childAndParent, 1000, (ps, pair) -> {
					ps.setObject(1, pair[1].value());
					ps.setObject(2, pair[0].value());
				});
	}

	/**
	 * The stored forms of the commenters of one import (ciphertext, lookup hash, avatar id), remembered for the most
	 * recent {@value #REMEMBERED} addresses: a blog's regulars write most of its comments, and encrypting and hashing
	 * each address once instead of once per comment is most of an import's CPU time. One ciphertext per address and
	 * import reveals nothing the lookup hash does not.
	 */
	public static final class Identities {

		static final int REMEMBERED = 10_000;

		record Identity(EncryptedEmail encrypted, EmailHash hash, @Nullable String avatarId) {
		}

		private final java.util.LinkedHashMap<String, Identity> known = new java.util.LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(java.util.Map.Entry<String, Identity> eldest) {
				return size() > REMEMBERED;
			}

		};

	}

	private Identities.Identity identity(@Nullable String email, Identities identities) {
		if (email == null || email.isBlank()) {
			// a placeholder of its own: unlinkable, under a reserved domain that is never delivered
			String placeholder = "no-email+" + UUID.randomUUID() + "@" + NO_EMAIL_DOMAIN;
			return new Identities.Identity(this.privacy.encrypt(placeholder), this.privacy.hash(placeholder), null);
		}
		String key = email.strip().toLowerCase(java.util.Locale.ROOT);
		synchronized (identities) {
			return identities.known.computeIfAbsent(key, k -> new Identities.Identity(this.privacy.encrypt(k),
					this.privacy.hash(k), this.avatars.of(k)));
		}
	}

	private void bind(PreparedStatement ps, ImportedComment c, Identities identities) throws java.sql.SQLException {
		Identities.Identity identity = identity(c.email(), identities);
		EncryptedEmail encrypted = identity.encrypted();
		EmailHash hash = identity.hash();
		ps.setObject(1, c.id().value());
		ps.setString(2, c.postId().value());
		ps.setObject(3, c.parentId() == null ? null : c.parentId().value(), Types.OTHER);
		ps.setString(4, c.authorName());
		ps.setString(5, c.authorUrl());
		ps.setString(6, encrypted.keyId());
		ps.setString(7, encrypted.ciphertext());
		ps.setString(8, hash.value());
		ps.setString(9, c.ip() == null ? null : c.ip().prefix());
		ps.setString(10, c.ip() == null ? null : c.ip().hash());
		ps.setString(11, c.text());
		ps.setTimestamp(12, Timestamp.from(c.submittedAt()));
		ps.setString(13, c.status().name());
		ps.setString(14, this.json.writeValueAsString(c.reasons()));
		ps.setTimestamp(15, c.status() == CommentStatus.HELD ? null : Timestamp.from(c.submittedAt()));
		ps.setString(16, c.status() == CommentStatus.HELD ? null : c.decidedBy());
		ps.setString(17, identity.avatarId());
		ps.setString(18, CommentHtml.render(c.text()));
	}

	/**
	 * A stored comment as an export carries it.
	 *
	 * @param email the decrypted address when asked for and there is one (never a placeholder), else {@code null}
	 */
	public record ExportedComment(UUID id, String postId, @Nullable UUID parentId, String authorName,
			@Nullable String authorUrl, @Nullable String email, Instant submittedAt, CommentStatus status, String text,
			List<String> reasons) {
	}

	/** Streams every comment of the site's posts (or of one of them) in submission order, without holding them in memory. */
	@Transactional(readOnly = true)
	public void forEachOfSite(String siteId, @Nullable String postId, boolean withEmails, Consumer<ExportedComment> out) {
		this.jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					select c.id, c.post_id, c.parent_id, c.author_name, c.author_url, c.email_key_id, c.email_ciphertext,
					  c.submitted_at, c.status, c.text, c.reasons
					from comment c join post p on p.id = c.post_id
					where p.site_id = ? and (cast(? as varchar) is null or c.post_id = ?) order by c.submitted_at, c.id
					""");
			ps.setString(1, siteId);
			ps.setString(2, postId);
			ps.setString(3, postId);
			ps.setFetchSize(1000); // a cursor in the read-only transaction: bounded memory
			return ps;
		}, rs -> {
			String email = null;
			if (withEmails) {
				email = this.privacy.decrypt(new EncryptedEmail(rs.getString("email_key_id"), rs.getString("email_ciphertext")));
				if (email.endsWith("@" + NO_EMAIL_DOMAIN)) {
					email = null;
				}
			}
			out.accept(new ExportedComment(rs.getObject("id", UUID.class), rs.getString("post_id"),
					rs.getObject("parent_id", UUID.class), rs.getString("author_name"), rs.getString("author_url"), email,
					rs.getTimestamp("submitted_at").toInstant(), CommentStatus.valueOf(rs.getString("status")),
					rs.getString("text"), List.of(this.json.readValue(rs.getString("reasons"), String[].class))));
		});
	}

}
