package dev.moderato.comments;

import java.util.Objects;

import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a comment. The email exists only encrypted and as a keyed hash.
 *
 * @param name display name, public
 * @param url optional website, public
 * @param email the encrypted address
 * @param emailHash keyed hash of the address, for lookups
 */
public record CommentAuthor(String name, @Nullable String url, EncryptedEmail email, EmailHash emailHash) {

	public CommentAuthor {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(emailHash, "emailHash");
	}

}
