package dev.moderato.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An account as a sign-in sees it.
 *
 * @param posts its post restriction, comma-separated and sorted
 */
record Credentials(UUID id, String username, Set<Role> roles, boolean enabled, String passwordHash, String posts) {

	/**
	 * A digest of everything a signed-in session relies on: the account's identity, password, enabled flag, roles and
	 * posts. Any change to the account changes it, which ends its sessions and cached sign-ins on every instance.
	 */
	String fingerprint() {
		String roles = this.roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		String all = this.id + "\n" + this.passwordHash + "\n" + this.enabled + "\n" + roles + "\n" + this.posts;
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "Credentials[" + this.username + "]";
	}

}
