package dev.moderato.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs accounts in with their passwords, for HTTP Basic and the sign-in form alike. Failed attempts are throttled
 * per account and per network ({@link LoginThrottle}); a verified password is remembered for
 * {@code sign-in-cache-ttl} under an HMAC of the credentials with a per-process key (never the password itself) together with the account's
 * fingerprint, so BCrypt runs once per client and minute, not per request, and any change to the account (password,
 * roles, posts, disabled, deleted) makes the next request verify afresh. A disabled account is named as such, but only
 * to a caller who knows its password.
 */
@Component
public class AccountAuthentication implements AuthenticationProvider {

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final AccountSettings settings;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/** Compared against when there is no such account, so a missing account costs the same time as a wrong password. */
	private final String noAccount;

	/** Keys the cache: a per-process secret, so a memory dump cannot be searched for passwords offline. */
	private final SecretKeySpec cacheKey;

	private final Counter verifications;

	AccountAuthentication(AccountRepository repository, PasswordEncoder passwords, LoginThrottle throttle,
			AccountSettings settings, Clock clock, MeterRegistry meters) {
		this.verifications = Counter.builder("moderato.accounts.password.verifications")
			.description("Passwords checked with BCrypt (sign-ins not answered from the sign-in cache)")
			.register(meters);
		this.repository = repository;
		this.passwords = passwords;
		this.throttle = throttle;
		this.settings = settings;
		this.clock = clock;
		SecureRandom random = new SecureRandom();
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		this.cacheKey = new SecretKeySpec(secret, "HmacSHA256");
		this.noAccount = passwords.encode(HexFormat.of().formatHex(secret));
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		String remoteAddress = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
		this.throttle.check(username, remoteAddress);
		Optional<Credentials> account = this.repository.credentials(username);
		String key = key(username, password);
		Instant now = this.clock.instant();
		Verified known = this.verified.get(key);
		if (known != null && account.isPresent() && account.get().enabled() && known.until().isAfter(now)
				&& known.fingerprint().equals(account.get().fingerprint())) {
			return authenticated(account.get(), attempt);
		}
		this.verified.remove(key);
		this.verifications.increment();
		if (!this.passwords.matches(password, account.map(Credentials::passwordHash).orElse(this.noAccount))
				|| account.isEmpty()) {
			this.throttle.failed(username, remoteAddress);
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.get().enabled()) {
			throw new DisabledException("This account is disabled.");
		}
		this.verified.put(key, new Verified(account.get().fingerprint(), now.plus(this.settings.signInCacheTtl())));
		return authenticated(account.get(), attempt);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** The fingerprint of the account now; empty if it is gone. */
	Optional<String> currentFingerprint(String username) {
		return this.repository.credentials(username).filter(Credentials::enabled).map(Credentials::fingerprint);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetExpired() {
		Instant now = this.clock.instant();
		this.verified.values().removeIf(v -> !v.until().isAfter(now));
	}

	private static Authentication authenticated(Credentials account, Authentication attempt) {
		List<GrantedAuthority> authorities = account.roles().stream()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
			.authenticated(new AccountPrincipal(account.username(), account.fingerprint()), null, authorities);
		token.setDetails(attempt.getDetails());
		return token;
	}

	private String key(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.cacheKey);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Verified(String fingerprint, Instant until) {
	}

}
