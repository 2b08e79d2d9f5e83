package dev.moderato.accounts;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who signed in with a password, and the {@link Credentials#fingerprint() fingerprint} of the account at that moment,
 * so a session can tell when its account changed, was disabled or deleted.
 */
record AccountPrincipal(String username, String fingerprint) implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String toString() {
		return this.username;
	}

}
