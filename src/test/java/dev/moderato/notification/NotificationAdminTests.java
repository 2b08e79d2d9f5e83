package dev.moderato.notification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What admins see and do: failed mails (with the recipient, for admins only) and their retry; authors' preferences
 * through the API and through the signed link in their mails.
 */
@IntegrationTest
class NotificationAdminTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Autowired
	NotificationLog notifications;

	@Autowired
	NotificationLinks links;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	Moderators admin;

	NotificationScenario scenario;

	@BeforeEach
	void setUp() {
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.scenario = new NotificationScenario(this.port, this.json, this.greenMail);
	}

	@Test
	void adminsSeeFailedMailsWithTheirRecipientAndRetryOneWhichThenArrivesOnce() {
		String recipient = "failed-" + UUID.randomUUID() + "@blog.example";
		UUID id = failedMail(recipient);

		ResponseEntity<String> list = this.admin.get("/api/v1/notifications?status=failed&limit=500");
		assertThat(list.getStatusCode().value()).isEqualTo(200);
		JsonNode item = find(this.admin.json(list), id);
		assertThat(item.get("recipient").asString()).isEqualTo(recipient);
		assertThat(item.get("status").asString()).isEqualTo("failed");
		assertThat(item.get("lastError").asString()).contains("MailSendException");

		assertThat(this.admin.post("/api/v1/notifications/" + id + "/retry").getStatusCode().value()).isEqualTo(202);
		this.scenario.awaitMails(recipient, 1);
		assertThat(this.admin.post("/api/v1/notifications/" + id + "/retry").getStatusCode().value())
			.as("no longer failed").isEqualTo(409);
		assertThat(this.scenario.mailbox.to(recipient)).hasSize(1);
		assertThat(this.admin.post("/api/v1/notifications/" + UUID.randomUUID() + "/retry").getStatusCode().value())
			.isEqualTo(404);
		assertThat(this.admin.get("/api/v1/notifications?status=lost").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void nobodyButAdminsSeesTheMailLogOrAnAddress() {
		String recipient = "hidden-" + UUID.randomUUID() + "@blog.example";
		UUID id = failedMail(recipient);
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		Moderators anonymous = Moderators.anonymous(this.port, this.json);

		for (Moderators caller : new Moderators[] { moderator, anonymous }) {
			for (ResponseEntity<String> response : new ResponseEntity[] { caller.get("/api/v1/notifications?status=failed"),
					caller.post("/api/v1/notifications/" + id + "/retry"),
					caller.get("/api/v1/notifications/authors/" + this.privacy.hash(recipient) + "/preferences") }) {
				assertThat(response.getStatusCode().value()).isIn(401, 403);
				assertThat(String.valueOf(response.getBody())).doesNotContain(recipient);
			}
		}
		assertThat(this.jdbc.sql("select count(*) from notification where recipient_ciphertext like ?")
			.param("%" + recipient + "%").query(Integer.class).single()).as("stored encrypted").isZero();
	}

	@Test
	void adminsSetAnAuthorsPreferencesByEmailInTheBodyAndThenByHash() {
		String author = "prefs-" + UUID.randomUUID() + "@blog.example";
		ResponseEntity<String> saved = this.admin.put("/api/v1/notifications/authors/preferences",
				Map.of("authorEmail", author, "delivery", "daily", "held", false));
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		JsonNode body = this.admin.json(saved);
		String hash = body.get("authorHash").asString();
		assertThat(hash).isEqualTo(this.privacy.hash(author).value());
		assertThat(saved.getBody()).doesNotContain(author);
		assertThat(body.get("delivery").asString()).isEqualTo("daily");
		assertThat(body.get("newComment").asBoolean()).isTrue();
		assertThat(body.get("held").asBoolean()).isFalse();

		this.admin.put("/api/v1/notifications/authors/" + hash + "/preferences", Map.of("delivery", "hourly"));
		JsonNode now = this.admin.json(this.admin.get("/api/v1/notifications/authors/" + hash + "/preferences"));
		assertThat(now.get("delivery").asString()).isEqualTo("hourly");
		assertThat(now.get("held").asBoolean()).as("unchanged").isFalse();
		assertThat(this.admin.put("/api/v1/notifications/authors/" + hash + "/preferences", Map.of("delivery", "weekly"))
			.getStatusCode().value()).isEqualTo(400);
		assertThat(this.admin.get("/api/v1/notifications/authors/not-a-hash/preferences").getStatusCode().value())
			.isEqualTo(400);
	}

	@Test
	void anAuthorChangesPreferencesThroughTheSignedLinkWithoutSigningIn() {
		EmailHash author = this.privacy.hash("page-" + UUID.randomUUID() + "@blog.example");
		String page = NotificationScenario.path(this.links.preferences(author));

		ResponseEntity<String> form = this.scenario.get(page);
		assertThat(form.getStatusCode().value()).isEqualTo(200);
		assertThat(form.getBody()).contains("<select id=\"delivery\" name=\"delivery\">", "/css/links.css")
			.doesNotContain("<script", "style=");
		assertThat(form.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");

		ResponseEntity<String> saved = this.scenario.post(page, "delivery=hourly&newComment=true");
		assertThat(saved.getStatusCode().value()).isEqualTo(200);
		assertThat(saved.getBody()).contains("Saved.");
		JsonNode stored = this.admin.json(this.admin.get("/api/v1/notifications/authors/" + author + "/preferences"));
		assertThat(stored.get("delivery").asString()).isEqualTo("hourly");
		assertThat(stored.get("held").asBoolean()).isFalse();
		assertThat(this.scenario.post(page.replace("/preferences/", "/unsubscribe/"), "").getStatusCode().value())
			.as("a preferences link is no unsubscribe link").isEqualTo(400);
	}

	private UUID failedMail(String recipient) {
		this.notifications.recordOnce("test:" + recipient, "test", null,
				new Mail(recipient, "Failed once", "plain", "<p>html</p>"), Instant.now().plusSeconds(86_400));
		UUID id = this.jdbc.sql("select id from notification where dedup_key = ?").param("test:" + recipient)
			.query(UUID.class).single();
		this.notifications.markFailed(id, "MailSendException: Mail server connection failed");
		return id;
	}

	private static JsonNode find(JsonNode list, UUID id) {
		for (JsonNode item : list.get("items")) {
			if (item.get("id").asString().equals(id.toString())) {
				return item;
			}
		}
		throw new AssertionError("Not listed: " + id);
	}

}
