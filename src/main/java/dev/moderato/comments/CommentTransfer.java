package dev.moderato.comments;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
import org.springframework.jdbc.support.SqlArrayValue;
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

	/**
	 * A batch as one statement: the rows travel as arrays, one per column, and {@code unnest} turns them back into
	 * rows. One parse, one round trip, one firing of the statement-level triggers per batch instead of one per row. A
	 * parent must be stored already or come in the same batch (the foreign key is checked at the statement's end);
	 * one deleted meanwhile is dropped and the reply stored top-level, as the verdict path does.
	 */
	private static final String INSERT = """
			insert into comment (id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			  email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
			  moderated_at, moderated_by, version, fingerprint, avatar_id, html)
			select b.id, b.post_id,
			  case when exists (select 1 from comment p where p.id = b.parent_id)
			    or b.parent_id in (select n.id from batch n) then b.parent_id end,
			  b.author_name, b.author_url, b.email_key_id, b.email_ciphertext, b.email_hash, b.ip_prefix, b.ip_hash,
			  b.text, false, b.submitted_at, b.status, 0, cast(b.reasons as jsonb), b.moderated_at, b.moderated_by, 0,
			  b.fingerprint, b.avatar_id, b.html
			from batch b order by b.n
			on conflict (id) do nothing
			""";

	private static final String BATCH = """
			with batch as (select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			  with ordinality as b(id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
			    email_hash, ip_prefix, ip_hash, text, submitted_at, status, reasons, moderated_at, moderated_by,
			    fingerprint, avatar_id, html, n))
			""";

	private static final String[] TYPES = { "uuid", "varchar", "uuid", "varchar", "varchar", "varchar", "text",
			"varchar", "varchar", "varchar", "text", "timestamptz", "varchar", "text", "timestamptz", "varchar", "int8",
			"varchar", "text" };

	private final JdbcTemplate jdbc;

	private final CommenterPrivacy privacy;

	private final AvatarIds avatars;

	private final JsonMapper json;

	private final ThreadVersions versions;

	CommentTransfer(JdbcTemplate jdbc, CommenterPrivacy privacy, AvatarIds avatars, JsonMapper json,
			ThreadVersions versions) {
		this.versions = versions;
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
	 * @param fingerprint the near-duplicate fingerprint of the text, as the verdict path stores it for a submitted
	 * one ({@code 0}: a text without words), so the near-duplicate signal counts the imported history too
	 */
	public record ImportedComment(CommentId id, PostId postId, @Nullable CommentId parentId, String authorName,
			@Nullable String authorUrl, @Nullable String email, @Nullable IpAddress ip, String text,
			Instant submittedAt, CommentStatus status, List<String> reasons, String decidedBy, long fingerprint) {

		public ImportedComment {
			Objects.requireNonNull(id, "id");
			if (status == CommentStatus.PENDING) {
				throw new IllegalArgumentException("An imported comment is decided");
			}
		}

	}

	/**
	 * Stores the comments in one transaction and one statement; one whose id exists is left as it is. The commenter
	 * counters follow through their trigger, and the thread version of every post given a published comment is bumped.
	 */
	@Transactional
	public void store(List<ImportedComment> comments, Identities identities) {
		if (comments.isEmpty()) {
			return;
		}
		// the CPU-bound part (encryption and hashing of new addresses, HTML rendering) on every core
		Object[][] rows = comments.parallelStream().map(c -> row(c, identities)).toArray(Object[][]::new);
		this.jdbc.update(BATCH + INSERT, ColumnArrays.of(TYPES, rows));
		String[] published = comments.stream()
			.filter(c -> c.status() == CommentStatus.APPROVED)
			.map(c -> c.postId().value())
			.distinct()
			.sorted() // post id order: two batches cannot deadlock on thread_version
			.toArray(String[]::new);
		if (published.length > 0) {
			this.versions.changingSome(); // this instance sees the imported threads at once
			this.jdbc.update("""
					insert into thread_version (post_id, version)
					select p, 1 from unnest(?) with ordinality as u(p, n) order by u.n
					on conflict (post_id) do update set version = thread_version.version + 1
					""", new SqlArrayValue("varchar", (Object[]) published));
		}
	}

	/** Gives replies stored top-level, because their parent came later in the file, that parent. */
	@Transactional
	public void attachToParents(List<CommentId[]> childAndParent) {
		this.versions.changingSome();
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

	private Object[] row(ImportedComment c, Identities identities) {
		Identities.Identity identity = identity(c.email(), identities);
		boolean decided = c.status() != CommentStatus.HELD;
		// timestamps as ISO 8601 in UTC: no time zone of the JVM involved
		return new Object[] { c.id().value(), c.postId().value(), c.parentId() == null ? null : c.parentId().value(),
				c.authorName(), c.authorUrl(), identity.encrypted().keyId(), identity.encrypted().ciphertext(),
				identity.hash().value(), c.ip() == null ? null : c.ip().prefix(), c.ip() == null ? null : c.ip().hash(),
				c.text(), c.submittedAt().toString(), c.status().name(), this.json.writeValueAsString(c.reasons()),
				decided ? c.submittedAt().toString() : null, decided ? c.decidedBy() : null, c.fingerprint(),
				identity.avatarId(), CommentHtml.render(c.text()) };
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
