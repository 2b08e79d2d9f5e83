package dev.moderato.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The one format of every signed link token: {@code base64url(1|keyId|field|…).base64url(HMAC-SHA256)}. The key id
 * names the key that signed it, so keys can rotate. What the fields mean, and whether the token has expired or was
 * used, is for each kind of link to check.
 */
public final class SignedToken {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final String VERSION = "1";

	private SignedToken() {
	}

	/** A token of these fields, signed with the key of that id. Fields must not contain {@code |}. */
	public static String seal(String keyId, SecretKeySpec key, String... fields) {
		byte[] payload = (VERSION + "|" + keyId + "|" + String.join("|", fields)).getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(Hmac.sha256(key, payload));
	}

	/**
	 * The fields of a well-formed token whose signature matches the key its key id names (compared in constant time);
	 * empty for anything else: cut short, altered, an unknown key id, not Base64.
	 */
	public static Optional<List<String>> open(String token, Function<String, @Nullable SecretKeySpec> keyById) {
		String[] parts = token.split("\\.", -1);
		if (parts.length != 2) {
			return Optional.empty();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
			byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
			String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
			SecretKeySpec key = fields.length < 2 ? null : keyById.apply(fields[1]);
			if (!VERSION.equals(fields[0]) || key == null || !MessageDigest.isEqual(Hmac.sha256(key, payload), signature)) {
				return Optional.empty();
			}
			return Optional.of(List.of(fields).subList(2, fields.length));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
