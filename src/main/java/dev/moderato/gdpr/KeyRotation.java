package dev.moderato.gdpr;

import java.util.List;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Re-encrypts every stored commenter email that is not under the active key with the active key, in batches of short
 * transactions, so it can run while the service runs. Each row is replaced only if it is still as read (an erase in
 * between wins). Running it again changes nothing.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final Comments comments;

	private final PrivacyRequests requests;

	private final CommenterPrivacy privacy;

	private final int batchSize;

	@Autowired
	KeyRotation(Comments comments, PrivacyRequests requests, CommenterPrivacy privacy, GdprSettings settings) {
		this(comments, requests, privacy, settings.rotationBatchSize());
	}

	KeyRotation(Comments comments, PrivacyRequests requests, CommenterPrivacy privacy, int batchSize) {
		this.comments = comments;
		this.requests = requests;
		this.privacy = privacy;
		this.batchSize = batchSize;
	}

	/**
	 * What a rotation did.
	 * @param activeKeyId the key everything was re-encrypted with
	 * @param reencrypted comment emails re-encrypted
	 * @param failed comment emails that could not be decrypted (their key is no longer configured) and were left
	 * @param remaining comment emails still not under the active key afterwards (the failed ones, and any changed
	 * meanwhile)
	 * @param requests pending self-service requests re-encrypted
	 */
	public record Report(String activeKeyId, int reencrypted, int failed, int remaining, int requests) {
	}

	public Report rotate() {
		String active = this.privacy.activeKeyId();
		int reencrypted = 0;
		int failed = 0;
		@Nullable CommentId after = null;
		List<Comments.StoredEmail> batch;
		do {
			batch = this.comments.emailsNotUnder(active, after, this.batchSize);
			for (Comments.StoredEmail stored : batch) {
				EncryptedEmail replacement = reencrypt(stored.email());
				if (replacement == null) {
					failed++;
				}
				else if (this.comments.replaceEmail(stored, replacement)) {
					reencrypted++;
				}
			}
			after = batch.isEmpty() ? after : batch.get(batch.size() - 1).commentId();
		}
		while (batch.size() == this.batchSize);
		int requestsDone = this.requests.reencrypt(this::reencrypt);
		Report report = new Report(active, reencrypted, failed, this.comments.countEmailsNotUnder(active), requestsDone);
		log.atInfo()
			.addKeyValue("activeKeyId", active)
			.addKeyValue("reencrypted", reencrypted)
			.addKeyValue("failed", failed)
			.addKeyValue("remaining", report.remaining())
			.log("Email key rotation to {}: {} re-encrypted, {} failed, {} remaining", active, reencrypted, failed,
					report.remaining());
		return report;
	}

	private @Nullable EncryptedEmail reencrypt(EncryptedEmail email) {
		try {
			return this.privacy.encrypt(this.privacy.decrypt(email));
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

}
