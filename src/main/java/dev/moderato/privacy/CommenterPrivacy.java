package dev.moderato.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Protects commenter identities: encrypts and decrypts emails (AES-256-GCM, key id kept for rotation) and
 * derives keyed hashes for lookups. Thread-safe.
 */
@Component
public class CommenterPrivacy {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKeySpec> emailKeys = new HashMap<>();

	private final String activeKeyId;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	CommenterPrivacy(PrivacySettings settings) {
		settings.emailKeys().forEach((id, key) -> this.emailKeys.put(id, aesKey(id, key)));
		if (!this.emailKeys.containsKey(settings.activeKeyId())) {
			throw new IllegalStateException(
					"moderato.privacy.active-key-id '" + settings.activeKeyId() + "' names no configured email key");
		}
		this.activeKeyId = settings.activeKeyId();
		byte[] hashKeyBytes = Base64.getDecoder().decode(settings.hashKey());
		if (hashKeyBytes.length < 32) {
			throw new IllegalStateException("moderato.privacy.hash-key must be at least 32 bytes (Base64)");
		}
		this.hashKey = Hmac.key(hashKeyBytes);
	}

	/** Encrypts a normalised email address with the active key. */
	public EncryptedEmail encrypt(String email) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.emailKeys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.activeKeyId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(normalise(email).getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return new EncryptedEmail(this.activeKeyId, Base64.getEncoder().encodeToString(out));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt email", ex);
		}
	}

	/** The key id {@link #encrypt} uses now; ciphertexts under other ids are re-encrypted by a key rotation. */
	public String activeKeyId() {
		return this.activeKeyId;
	}

	/** Decrypts an email; fails if the key is unknown or the ciphertext was tampered with. */
	public String decrypt(EncryptedEmail encrypted) {
		SecretKeySpec key = this.emailKeys.get(encrypted.keyId());
		if (key == null) {
			throw new IllegalStateException("No email key with id '" + encrypted.keyId() + "' is configured");
		}
		try {
			byte[] in = Base64.getDecoder().decode(encrypted.ciphertext());
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(encrypted.keyId().getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt email", ex);
		}
	}

	/** The keyed lookup hash of an email address, case- and whitespace-insensitive. */
	public EmailHash hash(String email) {
		return new EmailHash(hmacHex("email:" + normalise(email)));
	}

	/** What may be kept of a client address: its prefix and a keyed hash, never the address. */
	public IpAddress protect(String remoteAddress) {
		return new IpAddress(IpAddress.prefixOf(remoteAddress), hmacHex("ip:" + remoteAddress));
	}

	/**
	 * A secret key for another purpose, derived from the hash key with the purpose as label (HMAC-based key
	 * derivation), so one configured secret can serve several uses without any two sharing a key.
	 */
	public byte[] deriveKey(String purpose) {
		return Hmac.sha256(this.hashKey, ("moderato key derivation: " + purpose).getBytes(StandardCharsets.UTF_8));
	}

	private String hmacHex(String value) {
		return HexFormat.of().formatHex(Hmac.sha256(this.hashKey, value.getBytes(StandardCharsets.UTF_8)));
	}

	private static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static SecretKeySpec aesKey(String id, String base64) {
		byte[] bytes = Base64.getDecoder().decode(base64);
		if (bytes.length != 32) {
			throw new IllegalStateException("moderato.privacy.email-keys." + id + " must be 32 bytes (Base64)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
