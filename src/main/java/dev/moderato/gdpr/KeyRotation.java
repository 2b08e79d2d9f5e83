package dev.moderato.gdpr;

import java.util.List;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.notification.RecipientKeys;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Re-encrypts every stored email that is not under the active key with the active key: commenters' emails on
 * comments, the recipients of recorded mails, and pending self-service requests; in batches of short transactions,
 * so it can run while the service runs. Each row is replaced only if it is still as read (an erase in between wins).
 * Running it again changes nothing. Once {@code remaining} is 0, no stored address needs an old key.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final Comments comments;

	private final PrivacyRequests requests;

	private final RecipientKeys recipients;

	private final CommenterPrivacy privacy;

	private final int batchSize;

	@Autowired
	KeyRotation(Comments comments, PrivacyRequests requests, RecipientKeys recipients, CommenterPrivacy privacy,
			GdprSettings settings) {
		this(comments, requests, recipients, privacy, settings.rotationBatchSize());
	}

	KeyRotation(Comments comments, PrivacyRequests requests, RecipientKeys recipients, CommenterPrivacy privacy,
			int batchSize) {
		this.comments = comments;
		this.requests = requests;
		this.recipients = recipients;
		this.privacy = privacy;
		this.batchSize = batchSize;
	}

	/**
	 * What a rotation did.
	 * @param activeKeyId the key everything was re-encrypted with
	 * @param reencrypted comment emails re-encrypted
	 * @param failed emails (of comments and mails) that could not be decrypted (their key is no longer configured)
	 * and were left
	 * @param remaining stored emails of every kind (comments, mails, requests) still not under the active key
	 * afterwards: the failed ones, and any changed meanwhile; the old key may go once this is 0
	 * @param requests pending self-service requests re-encrypted
	 * @param mails recipients of recorded mails re-encrypted
	 */
	public record Report(String activeKeyId, int reencrypted, int failed, int remaining, int requests, int mails) {
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
		RecipientKeys.Outcome mails = this.recipients.reencrypt(active, this::reencrypt, this.privacy::encrypt,
				this.batchSize);
		int remaining = this.comments.countEmailsNotUnder(active) + this.recipients.countNotUnder(active)
				+ this.requests.countNotUnder(active);
		Report report = new Report(active, reencrypted, failed + mails.failed(), remaining, requestsDone,
				mails.reencrypted());
		log.atInfo()
			.addKeyValue("activeKeyId", active)
			.addKeyValue("reencrypted", reencrypted)
			.addKeyValue("mails", mails.reencrypted())
			.addKeyValue("failed", report.failed())
			.addKeyValue("remaining", report.remaining())
			.log("Email key rotation to {}: {} comment emails and {} mail recipients re-encrypted, {} failed, {} remaining",
					active, reencrypted, mails.reencrypted(), report.failed(), report.remaining());
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
