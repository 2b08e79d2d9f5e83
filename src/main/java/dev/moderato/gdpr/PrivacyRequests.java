package dev.moderato.gdpr;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.spec.SecretKeySpec;

import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.Hmac;
import dev.moderato.privacy.SignedToken;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commenters' own export and erase requests. A request is stored (the address encrypted) and confirmed through a
 * signed link mailed to the address: the link names the request, not the address; it expires and works once. At
 * most one request per address per interval is accepted, the rest are dropped silently, so the answer never tells
 * whether an address is known or was asked about.
 */
@Service
public class PrivacyRequests {

	/** Links are signed with a key derived from the privacy hash key; the id lets a future key take over. */
	private static final String KEY_ID = "d1";

	private final SecretKeySpec key;

	private final CommenterPrivacy privacy;

	private final GdprSettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	PrivacyRequests(CommenterPrivacy privacy, GdprSettings settings, JdbcClient jdbc, Clock clock) {
		this.key = Hmac.key(privacy.deriveKey("privacy requests v1"));
		this.privacy = privacy;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A stored request, ready to be mailed: {@code token} goes into the confirmation link. */
	public record Opened(UUID id, String email, RequestKind kind, String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "Opened[" + this.id + ", " + this.kind + "]";
		}

	}

	/** A confirmed request: what to do, for which address. */
	public record Confirmed(UUID id, RequestKind kind, String email) {

		@Override
		public String toString() {
			return "Confirmed[" + this.id + ", " + this.kind + "]";
		}

	}

	/**
	 * Stores a request unless the address already asked within the interval.
	 * @return the request to mail, or empty when it was dropped
	 */
	@Transactional
	public Optional<Opened> open(String email, RequestKind kind) {
		EmailHash hash = this.privacy.hash(email);
		Instant now = this.clock.instant();
		// serialises requests for one address, so two at once cannot both pass the interval check
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("privacy_request:" + hash.value())
			.query((rs, n) -> 1).list();
		int recent = this.jdbc.sql("select count(*) from privacy_request where email_hash = ? and requested_at > ?")
			.param(hash.value())
			.param(Timestamp.from(now.minus(this.settings.requestInterval())))
			.query(Integer.class)
			.single();
		if (recent > 0) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		Instant expires = now.plus(this.settings.requestLinkTtl());
		EncryptedEmail encrypted = this.privacy.encrypt(email);
		this.jdbc.sql("""
				insert into privacy_request (id, kind, email_key_id, email_ciphertext, email_hash, requested_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, kind.name(), encrypted.keyId(), encrypted.ciphertext(), hash.value(), Timestamp.from(now),
					Timestamp.from(expires))
			.update();
		return Optional.of(new Opened(id, email.strip().toLowerCase(Locale.ROOT), kind, token(id, expires), expires));
	}

	/** Forgets a request whose mail could not be sent, so the address may ask again at once. */
	@Transactional
	public void withdraw(UUID id) {
		this.jdbc.sql("delete from privacy_request where id = ? and used_at is null").param(id).update();
	}

	/**
	 * What a link asks for, without using it.
	 * @throws RequestLinkProblem if it was tampered with, has expired or was used
	 */
	@Transactional(readOnly = true)
	public RequestKind check(String token) {
		Stored stored = find(verify(token));
		if (stored.usedAt() != null) {
			throw used();
		}
		return stored.kind();
	}

	/**
	 * Uses a link, once: of two confirmations at the same moment one gets the request, the other "used". The caller
	 * then performs it in the same transaction, so a failure leaves the link unused.
	 * @throws RequestLinkProblem if it was tampered with, has expired or was used
	 */
	@Transactional
	public Confirmed use(String token) {
		UUID id = verify(token);
		Stored stored = find(id);
		int claimed = this.jdbc.sql("update privacy_request set used_at = ? where id = ? and used_at is null")
			.param(Timestamp.from(this.clock.instant()))
			.param(id)
			.update();
		if (claimed == 0) {
			throw used();
		}
		return new Confirmed(id, stored.kind(), this.privacy.decrypt(stored.email()));
	}

	/** Deletes requests that expired before then. @return how many */
	@Transactional
	public int purgeExpired(Instant before) {
		return this.jdbc.sql("delete from privacy_request where expires_at < ?").param(Timestamp.from(before)).update();
	}

	/** Re-encrypts the stored addresses of requests not under the active key (key rotation). @return how many */
	@Transactional
	int reencrypt(Function<EncryptedEmail, @Nullable EncryptedEmail> reencrypt) {
		int done = 0;
		for (Sealed row : this.jdbc.sql("select id, email_key_id, email_ciphertext from privacy_request where email_key_id <> ?")
			.param(this.privacy.activeKeyId())
			.query((rs, n) -> new Sealed(rs.getObject(1, UUID.class), new EncryptedEmail(rs.getString(2), rs.getString(3))))
			.list()) {
			EncryptedEmail replacement = reencrypt.apply(row.email());
			if (replacement != null) {
				done += this.jdbc.sql("update privacy_request set email_key_id = ?, email_ciphertext = ? where id = ?")
					.params(replacement.keyId(), replacement.ciphertext(), row.id())
					.update();
			}
		}
		return done;
	}

	/**
	 * Forgets the address of this commenter's requests (an erase): they stay, so a used link still answers "used",
	 * but hold an encryption of the empty string under a random hash. @return how many
	 */
	@Transactional
	public int forget(EmailHash commenter) {
		EncryptedEmail nothing = this.privacy.encrypt("");
		return this.jdbc.sql("""
				update privacy_request set email_key_id = ?, email_ciphertext = ?,
				  email_hash = replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
				where email_hash = ?
				""")
			.params(nothing.keyId(), nothing.ciphertext(), commenter.value())
			.update();
	}

	/** Stored requests not under this key (key rotation). */
	int countNotUnder(String keyId) {
		return this.jdbc.sql("select count(*) from privacy_request where email_key_id <> ?")
			.param(keyId)
			.query(Integer.class)
			.single();
	}

	private record Sealed(UUID id, EncryptedEmail email) {
	}

	private record Stored(RequestKind kind, EncryptedEmail email, @Nullable Instant usedAt) {
	}

	private Stored find(UUID id) {
		return this.jdbc.sql("select kind, email_key_id, email_ciphertext, used_at from privacy_request where id = ?")
			.param(id)
			.query((rs, n) -> new Stored(RequestKind.valueOf(rs.getString(1)),
					new EncryptedEmail(rs.getString(2), rs.getString(3)),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.optional()
			// signed by us but gone: purged after expiry
			.orElseThrow(() -> new RequestLinkProblem(RequestLinkProblem.Kind.EXPIRED, "This link expired."));
	}

	private String token(UUID id, Instant expires) {
		return SignedToken.seal(KEY_ID, this.key, id.toString(), Long.toString(expires.getEpochSecond()));
	}

	private UUID verify(String token) {
		List<String> fields = SignedToken.open(token, id -> KEY_ID.equals(id) ? this.key : null)
			.filter(f -> f.size() == 2)
			.orElseThrow(PrivacyRequests::tampered);
		try {
			if (!this.clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(fields.get(1))))) {
				throw new RequestLinkProblem(RequestLinkProblem.Kind.EXPIRED,
						"This link expired. You can ask again on the blog.");
			}
			return UUID.fromString(fields.get(0));
		}
		catch (IllegalArgumentException ex) { // bad number or UUID
			throw tampered();
		}
	}


	private static RequestLinkProblem tampered() {
		return new RequestLinkProblem(RequestLinkProblem.Kind.TAMPERED,
				"This link is not valid. It may have been cut short or altered.");
	}

	private static RequestLinkProblem used() {
		return new RequestLinkProblem(RequestLinkProblem.Kind.USED, "This link was already used.");
	}

}
