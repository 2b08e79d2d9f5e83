package dev.moderato.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: random, shown once, stored only as a SHA-256 hash, revocable.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "mdt_";

	private final JdbcClient jdbc;

	private final AccountRepository accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, AccountRepository accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A token's public facts; the secret itself is never stored. */
	public record TokenInfo(UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {
	}

	/** A new token: the only time its secret is seen. */
	public record IssuedToken(UUID id, String name, String token) {

		@Override
		public String toString() {
			return "IssuedToken[" + this.id + ", " + this.name + "]";
		}

	}

	@Transactional
	public IssuedToken issue(String username, String name) {
		Account account = this.accounts.find(username).orElseThrow(() -> new AccountProblem("No account named '" + username + "'."));
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into api_token (id, account_id, name, token_hash, created_at) values (?, ?, ?, ?, ?)")
			.param(id)
			.param(account.id())
			.param(name)
			.param(hash(token))
			.param(Timestamp.from(this.clock.instant()))
			.update();
		return new IssuedToken(id, name, token);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> of(String username) {
		return this.jdbc.sql("""
				select t.id, t.name, t.created_at, t.last_used_at, t.revoked_at from api_token t
				join account a on a.id = t.account_id where a.username = ? order by t.created_at
				""")
			.param(username)
			.query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** @return whether a live token of this account was revoked */
	@Transactional
	public boolean revoke(String username, UUID tokenId) {
		return this.jdbc.sql("""
				update api_token set revoked_at = ? where id = ? and revoked_at is null
				and account_id = (select id from account where username = ?)
				""")
			.param(Timestamp.from(this.clock.instant()))
			.param(tokenId)
			.param(username)
			.update() == 1;
	}

	/** The enabled account a live token belongs to. */
	@Transactional
	public Optional<Account> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Optional<String> username = this.jdbc.sql("""
				update api_token t set last_used_at = ? from account a
				where t.token_hash = ? and t.revoked_at is null and a.id = t.account_id and a.enabled
				returning a.username
				""")
			.param(Timestamp.from(this.clock.instant()))
			.param(hash(token))
			.query(String.class)
			.optional();
		return username.flatMap(this.accounts::find);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
