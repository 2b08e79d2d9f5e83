package dev.moderato.privacy;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one keyed hash every signature and lookup hash in Moderato uses.
 */
public final class Hmac {

	private Hmac() {
	}

	/** A key for {@link #sha256}. */
	public static SecretKeySpec key(byte[] secret) {
		return new SecretKeySpec(secret, "HmacSHA256");
	}

	public static byte[] sha256(SecretKeySpec key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

}
