package dev.moderato.comments;

import java.util.List;
import java.util.UUID;

import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The commenters' encrypted emails as key rotation reads and replaces them.
 */
@Repository
class StoredEmails {

	private final JdbcClient jdbc;

	StoredEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next batch of stored emails not encrypted under {@code keyId}, in id order after {@code after}. */
	List<Comments.StoredEmail> emailsNotUnder(String keyId, @Nullable CommentId after, int limit) {
		return this.jdbc.sql("""
				select id, email_key_id, email_ciphertext from comment
				where email_key_id <> :keyId and (cast(:after as uuid) is null or id > cast(:after as uuid))
				order by id limit :limit
				""")
			.param("keyId", keyId)
			.param("after", after == null ? null : after.value())
			.param("limit", limit)
			.query((rs, n) -> new Comments.StoredEmail(new CommentId(rs.getObject("id", UUID.class)),
					new EncryptedEmail(rs.getString("email_key_id"), rs.getString("email_ciphertext"))))
			.list();
	}

	/** Replaces a stored email if it is still the one read (an erase in between wins). */
	boolean replaceEmail(CommentId id, EncryptedEmail expected, EncryptedEmail replacement) {
		return this.jdbc.sql("""
				update comment set email_key_id = ?, email_ciphertext = ?
				where id = ? and email_key_id = ? and email_ciphertext = ?
				""")
			.params(replacement.keyId(), replacement.ciphertext(), id.value(), expected.keyId(), expected.ciphertext())
			.update() == 1;
	}

	int countNotUnder(String keyId) {
		return this.jdbc.sql("select count(*) from comment where email_key_id <> ?").param(keyId).query(Integer.class).single();
	}

}
