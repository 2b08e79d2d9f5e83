package dev.moderato.comments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.moderato.privacy.CommenterPrivacy;

import org.springframework.stereotype.Component;

/**
 * A commenter's avatar id: HMAC-SHA256 of the normalised email under a key derived for avatars only, cut to 16 hex
 * digits. The same commenter always gets the same picture, but the id cannot be reversed (unlike a Gravatar MD5), and,
 * being under another key, cannot be matched to the lookup hash.
 */
@Component
class AvatarIds {

	static final int LENGTH = 16;

	private final SecretKeySpec key;

	AvatarIds(CommenterPrivacy privacy) {
		this.key = new SecretKeySpec(privacy.deriveKey("avatar"), "HmacSHA256");
	}

	String of(String email) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] digest = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, LENGTH);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot compute an avatar id", ex);
		}
	}

}
