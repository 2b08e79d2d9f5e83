package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a commenter removes their reply subscription and the mails recorded for them.
 */
@IntegrationTest
class ErasedCommentersTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationLog notifications;

	@Autowired
	CommenterPrivacy privacy;

	@Test
	void anEraseRemovesSubscriptionsAndRecordedMails() {
		String email = "erase-me-" + UUID.randomUUID() + "@mail.example";
		String hash = this.privacy.hash(email).value();
		Instant later = Instant.now().plus(Duration.ofDays(3)); // not due: the dispatcher leaves it alone
		this.jdbc.sql("insert into reply_subscription (email_hash, requested_at, expires_at, confirmed_at) values (?, ?, ?, ?)")
			.params(hash, Timestamp.from(Instant.now()), Timestamp.from(later), Timestamp.from(Instant.now()))
			.update();
		this.notifications.recordOnce("test:" + email, "reply", null, new Mail(email, "A reply", "text", "<p>html</p>"), later);

		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		assertThat(admin.post("/api/v1/privacy/erase", Map.of("email", email)).getStatusCode().value()).isEqualTo(200);

		assertThat(count("select count(*) from reply_subscription where email_hash = ?", hash)).isZero();
		assertThat(count("select count(*) from notification where recipient_hash = ?", hash)).isZero();
	}

	private int count(String sql, String hash) {
		return this.jdbc.sql(sql).param(hash).query(Integer.class).single();
	}

}
