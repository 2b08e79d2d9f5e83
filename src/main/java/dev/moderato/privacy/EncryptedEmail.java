package dev.moderato.privacy;

import java.util.Objects;

/**
 * An email address encrypted with AES-GCM under the key named by {@code keyId}.
 *
 * @param keyId which configured key encrypted it, so keys can rotate
 * @param ciphertext Base64 of the 12-byte nonce followed by the ciphertext and tag
 */
public record EncryptedEmail(String keyId, String ciphertext) {

	public EncryptedEmail {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(ciphertext, "ciphertext");
	}

	@Override
	public String toString() {
		return "EncryptedEmail[keyId=" + keyId + "]";
	}

}
