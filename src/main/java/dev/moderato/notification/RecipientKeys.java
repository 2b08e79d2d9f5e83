package dev.moderato.notification;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The encrypted recipients of recorded mails, for key rotation: re-encrypted under the active key in batches, each row
 * replaced only if it is still as read. Rows recorded before recipients were encrypted get encrypted too.
 */
@Service
public class RecipientKeys {

	private final JdbcClient jdbc;

	RecipientKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What one pass did. */
	public record Outcome(int reencrypted, int failed) {
	}

	/**
	 * @param reencrypt decrypts and encrypts one address under the active key; null if it cannot be decrypted
	 * @param plain encrypts a plain address under the active key
	 */
	public Outcome reencrypt(String activeKeyId, Function<EncryptedEmail, @Nullable EncryptedEmail> reencrypt,
			Function<String, EncryptedEmail> plain, int batchSize) {
		int done = 0;
		int failed = 0;
		UUID after = new UUID(0, 0); // the least uuid as PostgreSQL orders them
		List<Row> batch;
		do {
			batch = this.jdbc.sql("""
					select id, recipient, recipient_key_id, recipient_ciphertext from notification
					where (recipient_key_id <> :active or recipient_ciphertext is null) and id > :after
					order by id limit :limit
					""")
				.param("active", activeKeyId)
				.param("after", after)
				.param("limit", batchSize)
				.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			for (Row row : batch) {
				EncryptedEmail replacement = row.ciphertext() == null ? plain.apply(row.plain())
						: reencrypt.apply(new EncryptedEmail(row.keyId(), row.ciphertext()));
				if (replacement == null) {
					failed++;
				}
				else if (replace(row, replacement)) {
					done++;
				}
			}
			after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
		}
		while (batch.size() == batchSize);
		return new Outcome(done, failed);
	}

	/** Recorded mails whose recipient is not (only) under the active key. */
	public int countNotUnder(String activeKeyId) {
		return this.jdbc.sql("select count(*) from notification where recipient_key_id <> ? or recipient_ciphertext is null")
			.param(activeKeyId)
			.query(Integer.class)
			.single();
	}

	private boolean replace(Row row, EncryptedEmail replacement) {
		return this.jdbc.sql("""
				update notification set recipient_key_id = :keyId, recipient_ciphertext = :ciphertext, recipient = null
				where id = :id and recipient_ciphertext is not distinct from cast(:oldCiphertext as text)
				  and recipient is not distinct from cast(:oldPlain as varchar)
				""")
			.param("keyId", replacement.keyId())
			.param("ciphertext", replacement.ciphertext())
			.param("id", row.id())
			.param("oldCiphertext", row.ciphertext())
			.param("oldPlain", row.plain())
			.update() == 1;
	}

	private record Row(UUID id, @Nullable String plain, @Nullable String keyId, @Nullable String ciphertext) {

		@Override
		public String toString() {
			return "Row[" + this.id + "]";
		}

	}

}
