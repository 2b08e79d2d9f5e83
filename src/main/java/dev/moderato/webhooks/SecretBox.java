package dev.moderato.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.moderato.privacy.CommenterPrivacy;

import org.springframework.stereotype.Component;

/**
 * Keeps signing secrets encrypted at rest: AES-256-GCM under a key derived from the privacy hash key (the same HMAC
 * key derivation the mail links use), the webhook's id bound in as associated data, so a ciphertext copied to another
 * row does not decrypt. The key id names the derivation; a new one can be added beside it.
 */
@Component
class SecretBox {

	static final String KEY_ID = "d1";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(CommenterPrivacy privacy) {
		this.key = new SecretKeySpec(privacy.deriveKey("webhook signing secrets v1"), "AES");
	}

	String seal(UUID webhookId, SigningSecret secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, new GCMParameterSpec(TAG_BITS, nonce), webhookId);
			byte[] sealed = cipher.doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a webhook secret", ex);
		}
	}

	/** @throws IllegalStateException if the key id is unknown or the ciphertext was tampered with */
	SigningSecret open(UUID webhookId, String keyId, String ciphertext) {
		if (!KEY_ID.equals(keyId)) {
			throw new IllegalStateException("No webhook secret key with id '" + keyId + "'");
		}
		try {
			byte[] in = Base64.getDecoder().decode(ciphertext);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES), webhookId);
			return new SigningSecret(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt a webhook secret", ex);
		}
	}

	private Cipher cipher(int mode, GCMParameterSpec spec, UUID webhookId) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, this.key, spec);
		cipher.updateAAD((KEY_ID + ":" + webhookId).getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

}
