package dev.moderato.gdpr;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentAuthor;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.notification.RecipientKeys;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EncryptedEmail;
import dev.moderato.privacy.TestPrivacy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation over the real database. The old key is "k1"; the new, active one is the embedded run's own key
 * ("dev1"), so that the shared database stays readable by the running service after the test.
 */
@IntegrationTest
class KeyRotationTests {

	static final String K1 = Base64.getEncoder().encodeToString("rotation-test-key-rotation-test!".getBytes());

	static final String K9 = Base64.getEncoder().encodeToString("a-key-nobody-configures-any-more".getBytes());

	static final String ACTIVE = "HxYFt11YaBYAdW/qHqwDWfooKoCt+agPgxsWVSXlGcw=";

	static final String HASH_KEY = "n221HCTkJjN25mNTVsSdPR0GpwBTZt6HZAKTJUqU4qA=";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	PrivacyRequests requests;

	@Autowired
	RecipientKeys recipients;

	@Autowired
	CommenterPrivacy servicePrivacy;

	@Autowired
	JdbcClient jdbc;

	final CommenterPrivacy underK1 = TestPrivacy.with(Map.of("k1", K1), "k1", HASH_KEY);

	final CommenterPrivacy rotated = TestPrivacy.with(Map.of("k1", K1, "dev1", ACTIVE), "dev1", HASH_KEY);

	final List<CommentId> stored = new java.util.ArrayList<>();

	final List<UUID> mails = new java.util.ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.stored.forEach(this.comments::delete);
		this.mails.forEach(id -> this.jdbc.sql("delete from notification where id = ?").param(id).update());
	}

	@Test
	void reencryptsTheRecipientsOfRecordedMailsTooAndCountsThemInRemaining() {
		UUID sent = mail(this.underK1, "mail-rot-sent@example.org", "SENT");
		UUID pending = mail(this.underK1, "mail-rot-pending@example.org", "FAILED");
		UUID lost = mail(TestPrivacy.with(Map.of("k9", K9), "k9", HASH_KEY), "mail-rot-lost@example.org", "SENT");

		KeyRotation.Report report = rotation().rotate();

		assertThat(report.mails()).isEqualTo(2);
		assertThat(report.failed()).as("the one under a key that is gone").isEqualTo(1);
		assertThat(report.remaining()).as("the old key is still needed for it").isEqualTo(1);
		assertThat(recipient(sent).keyId()).isEqualTo("dev1");
		assertThat(this.servicePrivacy.decrypt(recipient(sent))).isEqualTo("mail-rot-sent@example.org");
		assertThat(this.servicePrivacy.decrypt(recipient(pending))).isEqualTo("mail-rot-pending@example.org");

		this.jdbc.sql("delete from notification where id = ?").param(lost).update();
		assertThat(rotation().rotate().remaining()).as("nothing needs an old key any more").isZero();
	}

	private KeyRotation rotation() {
		return new KeyRotation(this.comments, this.requests, this.recipients, this.rotated, 2);
	}

	private UUID mail(CommenterPrivacy privacy, String recipient, String status) {
		UUID id = UUID.randomUUID();
		EncryptedEmail email = privacy.encrypt(recipient);
		this.jdbc.sql("""
				insert into notification (id, dedup_key, kind, recipient_key_id, recipient_ciphertext, recipient_hash,
				  subject, body_text, body_html, status, attempts, next_attempt_at, created_at)
				values (?, ?, 'test', ?, ?, ?, 'Rotated', 'text', '<p>html</p>', ?, 1, now(), now())
				""")
			.params(id, "rotation:" + id, email.keyId(), email.ciphertext(), privacy.hash(recipient).value(), status)
			.update();
		this.mails.add(id);
		return id;
	}

	private EncryptedEmail recipient(UUID mail) {
		return this.jdbc.sql("select recipient_key_id, recipient_ciphertext from notification where id = ?").param(mail)
			.query((rs, n) -> new EncryptedEmail(rs.getString(1), rs.getString(2))).single();
	}

	@Test
	void reencryptsEveryEmailUnderAnOldKeyWithTheActiveKeyInBatches() {
		new Api(this.port, this.json).registerPost("rotation-post", "Keys", "Kai", "kai@blog.example");
		List<String> emails = List.of("rot-one@example.org", "rot-two@example.org", "rot-three@example.org");
		emails.forEach(email -> store(this.underK1, email));
		assertThat(keyIds()).containsOnly("k1");

		KeyRotation.Report report = rotation().rotate();

		assertThat(report.activeKeyId()).isEqualTo("dev1");
		assertThat(report.reencrypted()).isEqualTo(3);
		assertThat(report.failed()).isZero();
		assertThat(report.remaining()).isZero();
		assertThat(keyIds()).containsOnly("dev1");
		assertThat(this.stored.stream().map(id -> this.rotated.decrypt(email(id))).toList())
			.containsExactlyElementsOf(emails);
		assertThat(this.servicePrivacy.decrypt(email(this.stored.get(0)))).as("the service reads them")
			.isEqualTo("rot-one@example.org");
		assertThat(this.comments.byCommenter(this.rotated.hash("rot-two@example.org"))).as("lookups are unchanged")
			.hasSize(1);

		KeyRotation.Report again = rotation().rotate();
		assertThat(again.reencrypted()).as("idempotent").isZero();
	}

	@Test
	void leavesAnEmailWhoseKeyIsGoneAndSaysSo() {
		new Api(this.port, this.json).registerPost("rotation-post", "Keys", "Kai", "kai@blog.example");
		store(TestPrivacy.with(Map.of("k9", K9), "k9", HASH_KEY), "lost@example.org");

		KeyRotation.Report report = rotation().rotate();

		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.remaining()).isEqualTo(1);
		assertThat(keyIds()).containsOnly("k9");
	}

	private void store(CommenterPrivacy privacy, String email) {
		Instant now = Instant.now();
		Comment comment = Comment.submitted(CommentId.next(now), new PostId("rotation-post"), null,
				new CommentAuthor("Rita", null, privacy.encrypt(email), privacy.hash(email)), null, null, "Rotate me",
				false, now);
		comment.judge(CommentStatus.APPROVED, 0, List.of(), "fixture", now);
		this.comments.addOnce(comment);
		this.stored.add(comment.id());
	}

	private List<String> keyIds() {
		return this.stored.stream().map(id -> email(id).keyId()).toList();
	}

	private EncryptedEmail email(CommentId id) {
		return this.comments.find(id).orElseThrow().author().email();
	}

}
