package dev.moderato.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trust (a commenter's future comments skip the hold) and bans (they go to spam, until an optional expiry), keyed by
 * the commenter's email hash.
 */
@Service
public class CommenterPolicies {

	private final JdbcClient jdbc;

	private final Clock clock;

	CommenterPolicies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A trust or a ban. */
	public enum Kind {

		TRUSTED, BANNED

	}

	/** One policy on one commenter. */
	public record Policy(EmailHash commenter, Kind kind, @Nullable String reason, @Nullable Instant expiresAt,
			String createdBy, Instant createdAt) {
	}

	@Transactional
	public void trust(EmailHash commenter, String by, @Nullable String reason) {
		lift(commenter, Kind.BANNED);
		put(commenter, Kind.TRUSTED, by, reason, null);
	}

	@Transactional
	public void ban(EmailHash commenter, String by, @Nullable String reason, @Nullable Instant until) {
		lift(commenter, Kind.TRUSTED);
		put(commenter, Kind.BANNED, by, reason, until);
	}

	/** @return whether there was such a policy */
	@Transactional
	public boolean lift(EmailHash commenter, Kind kind) {
		return this.jdbc.sql("delete from commenter_policy where email_hash = ? and kind = ?")
			.param(commenter.value())
			.param(kind.name())
			.update() == 1;
	}

	/** The policy in force for a commenter now, if any. */
	@Transactional(readOnly = true)
	public Optional<Kind> inForce(EmailHash commenter) {
		return this.jdbc.sql("""
				select kind from commenter_policy where email_hash = ? and (expires_at is null or expires_at > ?)
				order by kind desc limit 1
				""")
			.param(commenter.value())
			.param(Timestamp.from(this.clock.instant()))
			.query((rs, n) -> Kind.valueOf(rs.getString(1)))
			.optional();
	}

	/**
	 * The policies in force now for several commenters, in one statement (a poll's submissions): a commenter without
	 * one is missing from the map. Each is the one {@link #inForce(EmailHash)} gives.
	 */
	@Transactional(readOnly = true)
	public Map<EmailHash, Kind> inForce(Collection<EmailHash> commenters) {
		if (commenters.isEmpty()) {
			return Map.of();
		}
		Map<EmailHash, Kind> inForce = new HashMap<>();
		this.jdbc.sql("""
				select email_hash, max(kind) from commenter_policy
				where email_hash = any(?) and (expires_at is null or expires_at > ?)
				group by email_hash
				""")
			.param(commenters.stream().map(EmailHash::value).distinct().toArray(String[]::new))
			.param(Timestamp.from(this.clock.instant()))
			.query(rs -> {
				inForce.put(new EmailHash(rs.getString(1)), Kind.valueOf(rs.getString(2)));
			});
		return inForce;
	}

	@Transactional(readOnly = true)
	public List<Policy> all() {
		return this.jdbc.sql("select * from commenter_policy order by created_at desc")
			.query((rs, n) -> new Policy(new EmailHash(rs.getString("email_hash")), Kind.valueOf(rs.getString("kind")),
					rs.getString("reason"), rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** The policies on commenters who commented on one of these posts: what a moderator restricted to them may see. */
	@Transactional(readOnly = true)
	public List<Policy> onCommentersOf(Set<PostId> posts) {
		if (posts.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from commenter_policy p where exists (
				  select 1 from comment c where c.email_hash = p.email_hash and c.post_id in (:posts))
				order by created_at desc
				""")
			.param("posts", posts.stream().map(PostId::value).toList())
			.query((rs, n) -> new Policy(new EmailHash(rs.getString("email_hash")), Kind.valueOf(rs.getString("kind")),
					rs.getString("reason"), rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Every policy stored for one commenter, expired ones included. */
	@Transactional(readOnly = true)
	public List<Policy> of(EmailHash commenter) {
		return this.jdbc.sql("select * from commenter_policy where email_hash = ? order by created_at")
			.param(commenter.value())
			.query((rs, n) -> new Policy(new EmailHash(rs.getString("email_hash")), Kind.valueOf(rs.getString("kind")),
					rs.getString("reason"), rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Deletes every policy on a commenter (GDPR erase). @return how many there were */
	@Transactional
	public int forget(EmailHash commenter) {
		return this.jdbc.sql("delete from commenter_policy where email_hash = ?").param(commenter.value()).update();
	}

	private void put(EmailHash commenter, Kind kind, String by, @Nullable String reason, @Nullable Instant until) {
		this.jdbc.sql("""
				insert into commenter_policy (email_hash, kind, reason, expires_at, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (email_hash, kind) do update set reason = excluded.reason, expires_at = excluded.expires_at,
				  created_by = excluded.created_by, created_at = excluded.created_at
				""")
			.params(commenter.value(), kind.name(), reason, until == null ? null : Timestamp.from(until), by,
					Timestamp.from(this.clock.instant()))
			.update();
	}

}
