package dev.moderato;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.notification.NotificationSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every string of the Big List of Naughty Strings (MIT, Max Woolf; {@code src/test/resources/naughty-strings}) goes
 * through intake, Kafka, scoring, storage, moderation, the public API, the moderation page and the author's mail as a
 * comment's text and as a commenter's name: refused with a 400 where it breaks a rule, otherwise accepted, and never
 * an error or markup that runs.
 */
@IntegrationTest
class NaughtyStringsJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GreenMail greenMail;

	@Autowired
	WebApplicationContext context;

	@Autowired
	NotificationSettings notificationSettings;

	@Test
	void everyNaughtyStringTravelsTheWholeWayWithoutAnErrorOrRunningAsMarkup() throws Exception {
		List<String> strings = naughtyStrings();
		assertThat(strings).hasSizeGreaterThan(500);
		Api api = new Api(this.port, this.json);
		String post = "naughty-" + UUID.randomUUID().toString().substring(0, 8);
		String author = "author-" + post + "@blog.example";
		api.registerPost(post, "Naughty", "Nat", author);
		String commenter = "nora-" + post + "@mail.example";
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		admin.post("/api/v1/moderation/commenters/" + new CommenterHash(commenter).value() + "/trust");

		int accepted = 0;
		for (String naughty : strings) {
			for (Map<String, Object> form : List.of(Map.<String, Object>of("authorName", "Nora", "authorEmail", commenter, "text", naughty),
					Map.<String, Object>of("authorName", naughty, "authorEmail", commenter, "text", "Name test"))) {
				ResponseEntity<String> response = api.submit(post, form);
				assertThat(response.getStatusCode().value()).as(naughty).isIn(202, 400);
				accepted += response.getStatusCode().value() == 202 ? 1 : 0;
			}
		}
		assertThat(accepted).isGreaterThan(strings.size());
		int expected = accepted;
		await().atMost(Duration.ofSeconds(90)).until(() -> rows(post) == expected);

		// publish whatever the spam filter kept back, in bulk
		List<String> unpublished = this.jdbc.sql("select id::text from comment where post_id = ? and status <> 'APPROVED'")
			.param(post).query(String.class).list();
		for (int i = 0; i < unpublished.size(); i += 200) {
			ResponseEntity<String> bulk = admin.post("/api/v1/moderation/actions", Moderators.form("action", "approve",
					"ids", unpublished.subList(i, Math.min(unpublished.size(), i + 200))));
			assertThat(bulk.getStatusCode().value()).isEqualTo(200);
		}

		// every page of the thread, so every comment's stored HTML is checked
		int seen = 0;
		String cursor = null;
		do {
			ResponseEntity<String> thread = api.get("/api/v1/posts/" + post + "/comments?limit=200"
					+ (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(thread.getStatusCode().value()).isEqualTo(200);
			JsonNode body = api.json(thread);
			assertThat(body.get("count").asInt()).isEqualTo(expected);
			for (JsonNode html : body.get("comments").findValues("html")) {
				assertOnlySafeMarkup(html.asString());
				seen++;
			}
			cursor = body.get("next").isNull() ? null : body.get("next").asString();
		}
		while (cursor != null);
		assertThat(seen).isEqualTo(expected);

		MockMvc browser = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		String page = browser.perform(get("/moderation").param("queue", "approved").param("post", post)
			.with(user("admin").roles("ADMIN", "MODERATOR"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Nora").doesNotContain("<script>alert").doesNotContain("<img src=x onerror");

		// the author gets single mails up to the hourly allowance; the rest of the flood waits for the hour's digest
		Mailbox mailbox = new Mailbox(this.greenMail);
		int single = Math.min(expected, this.notificationSettings.authorMailsPerHour());
		await().atMost(Duration.ofSeconds(120)).until(() -> mailbox.to(author).size() >= single);
		await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.to(author).size() + this.jdbc
			.sql("select count(*) from digest_entry where post_id = ?").param(post).query(Integer.class).single() >= expected);
		assertThat(mailbox.to(author)).allSatisfy(mail -> assertThat(Mailbox.raw(mail)).doesNotContain("<script>alert"));
		assertThat(this.jdbc.sql("select count(*) from notification where recipient like ? and status = 'FAILED'")
			.param("%" + author + "%").query(Integer.class).single()).isZero();
	}

	/**
	 * Only the tags the renderer writes: paragraphs, line breaks, http(s) links marked nofollow ugc, and the empty
	 * comment the sanitiser puts between braces to defuse client-side template injection.
	 */
	private static void assertOnlySafeMarkup(String html) {
		java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<[^>]*>").matcher(html);
		while (tags.find()) {
			assertThat(tags.group()).as(html)
				.matches("</?p>|<br />|</a>|<!-- -->|<a href=\"https?://[^\"<>]*\" rel=\"nofollow ugc noopener\">");
		}
	}

	private int rows(String post) {
		return this.jdbc.sql("select count(*) from comment where post_id = ?").param(post).query(Integer.class).single();
	}

	private List<String> naughtyStrings() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/naughty-strings/blns.json")) {
			return new ArrayList<>(this.json.readValue(in, new TypeReference<List<String>>() {
			}));
		}
	}

	/** The keyed hash a moderator sees for a commenter, computed as the service does. */
	private final class CommenterHash {

		private final String email;

		CommenterHash(String email) {
			this.email = email;
		}

		String value() {
			return NaughtyStringsJourneyTests.this.context.getBean(dev.moderato.privacy.CommenterPrivacy.class)
				.hash(this.email)
				.value();
		}

	}

}
