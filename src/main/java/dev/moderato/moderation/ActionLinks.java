package dev.moderato.moderation;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.Hmac;
import dev.moderato.privacy.SignedToken;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click links in the author's mail: each is signed (HMAC-SHA256 with a key id, so keys can rotate), bound to one
 * comment and one action, expires, and works once. Opening a link changes nothing; only {@link #use} acts.
 */
@Service
public class ActionLinks {

	static final String EMAIL_LINK_ACTOR = "post author (email link)";

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final Map<String, SecretKeySpec> keys = new HashMap<>();

	private final String activeKeyId;

	private final ModerationSettings settings;

	private final CommentDecisions decisions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ActionLinks(ModerationSettings settings, CommenterPrivacy privacy, CommentDecisions decisions, JdbcClient jdbc,
			Clock clock) {
		this.settings = settings;
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.clock = clock;
		if (settings.linkKeys().isEmpty()) {
			this.keys.put("d1", Hmac.key(privacy.deriveKey("one-click links v1")));
			this.activeKeyId = "d1";
		}
		else {
			settings.linkKeys().forEach((id, key) -> this.keys.put(id, key(id, key)));
			if (!this.keys.containsKey(settings.linkActiveKeyId())) {
				throw new IllegalStateException("moderato.moderation.link-active-key-id names no configured link key");
			}
			this.activeKeyId = settings.linkActiveKeyId();
		}
	}

	/** What a valid link asks for. */
	public record Link(CommentId commentId, ModerationAction action, Instant expiresAt, String nonce) {
	}

	/** A used link: which action on which comment, when. */
	public record Use(UUID commentId, String action, Instant usedAt) {
	}

	/** The links used on these comments (for a commenter's data export). */
	@Transactional(readOnly = true)
	public List<Use> usesOn(Collection<UUID> comments) {
		if (comments.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select comment_id, action, used_at from link_use where comment_id in (:ids) order by used_at")
			.param("ids", comments)
			.query((rs, n) -> new Use(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** A new link for one action on one comment. */
	public String create(CommentId comment, ModerationAction action) {
		byte[] nonce = new byte[16];
		this.random.nextBytes(nonce);
		long expires = this.clock.instant().plus(this.settings.linkTtl()).getEpochSecond();
		String token = SignedToken.seal(this.activeKeyId, this.keys.get(this.activeKeyId), comment.toString(),
				action.wireValue(), Long.toString(expires), B64.encodeToString(nonce));
		return this.settings.publicUrl().replaceAll("/+$", "") + "/moderation/links/" + token;
	}

	/**
	 * Checks a link without using it.
	 * @throws LinkProblem if it was tampered with, has expired or was used
	 */
	@Transactional(readOnly = true)
	public Link check(String token) {
		Link link = verify(token);
		if (used(link.nonce())) {
			throw new LinkProblem(LinkProblem.Kind.USED, "This link was already used.");
		}
		return link;
	}

	/**
	 * Uses a link: applies its action once. Two clicks at the same moment give one decision and one "already used".
	 * @throws LinkProblem if it was tampered with, has expired or was used
	 * @throws dev.moderato.comments.StatusConflict if the comment is no longer held (the link stays unused)
	 */
	@Transactional
	public Decision use(String token) {
		Link link = verify(token);
		int claimed = this.jdbc.sql("""
				insert into link_use (nonce, comment_id, action, used_at) values (?, ?, ?, ?) on conflict (nonce) do nothing
				""")
			.params(link.nonce(), link.commentId().value(), link.action().wireValue(), Timestamp.from(this.clock.instant()))
			.update();
		if (claimed == 0) {
			throw new LinkProblem(LinkProblem.Kind.USED, "This link was already used.");
		}
		// the signed link is the permission: for this one comment and this one action
		Actor author = new Actor(EMAIL_LINK_ACTOR, ActorKind.EMAIL_LINK, new ModeratorScope(EMAIL_LINK_ACTOR, false, null));
		// the mail was about a held comment: once anyone decided otherwise, its links no longer act
		return this.decisions.decide(link.commentId(), link.action(), author, new Expectation(null, CommentStatus.HELD));
	}

	private Link verify(String token) {
		List<String> fields = SignedToken.open(token, this.keys::get).filter(f -> f.size() == 4).orElseThrow(ActionLinks::tampered);
		CommentId comment = CommentId.parse(fields.get(0)).orElseThrow(ActionLinks::tampered);
		ModerationAction action = ModerationAction.parse(fields.get(1)).orElseThrow(ActionLinks::tampered);
		Instant expires;
		try {
			expires = Instant.ofEpochSecond(Long.parseLong(fields.get(2)));
		}
		catch (NumberFormatException ex) {
			throw tampered();
		}
		if (!this.clock.instant().isBefore(expires)) {
			throw new LinkProblem(LinkProblem.Kind.EXPIRED, "This link expired. Review the comment on the moderation page.");
		}
		return new Link(comment, action, expires, fields.get(3));
	}

	private boolean used(String nonce) {
		return this.jdbc.sql("select count(*) from link_use where nonce = ?").param(nonce).query(Integer.class).single() > 0;
	}

	private static LinkProblem tampered() {
		return new LinkProblem(LinkProblem.Kind.TAMPERED, "This link is not valid. It may have been cut short or altered.");
	}


	private static SecretKeySpec key(String id, String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		if (bytes.length < 32) {
			throw new IllegalStateException("moderato.moderation.link-keys." + id + " must be at least 32 bytes (Base64)");
		}
		return Hmac.key(bytes);
	}

}
