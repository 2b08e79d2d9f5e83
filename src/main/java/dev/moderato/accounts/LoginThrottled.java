package dev.moderato.accounts;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without checking the password, because the account or the caller's network failed too often
 * lately; answered with 429 and {@code Retry-After}.
 */
public class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottled(Duration retryAfter) {
		super("Too many failed sign-ins");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, at least 1, until a sign-in may be tried again. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
