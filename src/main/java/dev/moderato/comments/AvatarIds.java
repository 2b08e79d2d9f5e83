package dev.moderato.comments;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.Hmac;

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
		this.key = Hmac.key(privacy.deriveKey("avatar"));
	}

	String of(String email) {
		byte[] digest = Hmac.sha256(this.key, email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest).substring(0, LENGTH);
	}

}
