package dev.moderato.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import dev.moderato.privacy.Hmac;

/**
 * A webhook's signing secret, {@code whsec_} and 32 random bytes (Base64url), and the signature made with it: as
 * Stripe signs its webhooks, {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, the key being
 * the secret's text exactly as shown, prefix included. Never logged: {@link #toString()} hides it.
 */
record SigningSecret(String value) {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	SigningSecret {
		if (value == null || !value.startsWith(PREFIX) || value.length() < PREFIX.length() + 43) {
			throw new IllegalArgumentException("Not a webhook signing secret");
		}
	}

	static SigningSecret generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SigningSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** The {@code Moderato-Signature} header of a body sent at {@code unixSeconds}. */
	String signature(long unixSeconds, byte[] body) {
		byte[] prefix = (unixSeconds + ".").getBytes(StandardCharsets.US_ASCII);
		byte[] signed = new byte[prefix.length + body.length];
		System.arraycopy(prefix, 0, signed, 0, prefix.length);
		System.arraycopy(body, 0, signed, prefix.length, body.length);
		byte[] mac = Hmac.sha256(Hmac.key(this.value.getBytes(StandardCharsets.UTF_8)), signed);
		return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac);
	}

	@Override
	public String toString() {
		return "SigningSecret[hidden]";
	}

}
