package dev.moderato.gdpr;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.notification.Digests;
import dev.moderato.privacy.CommenterPrivacy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erase with the text removed leaves nothing of the commenter anywhere in the database: every text column of
 * every table is searched for the name, the address, the url and the text, after the comments went the whole way
 * (intake, Kafka, moderation, a moderator's decision in the outbox, the author's mail, a digest entry and a digest).
 */
@IntegrationTest
class ErasureLeavesNothingTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	Digests digests;

	@Autowired
	PrivacyRequests requests;

	@Test
	void eraseWithTheTextLeavesNoTraceOfTheCommenterInAnyTable() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String name = "Quillon" + run;
		String email = "quillon." + run + "@example.org";
		String url = "https://quillon-" + run + ".example";
		String text = "Unmistakable words " + run;
		Api api = new Api(this.port, this.json);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String single = "erase-all-" + run;
		String digest = "erase-all-digest-" + run;
		api.registerPost(single, "Single mails", "Sia", "sia-" + run + "@blog.example");
		api.registerPost(digest, "Digest mails", "Dov", "dov-" + run + "@blog.example");
		assertThat(admin.put("/api/v1/notifications/authors/preferences",
				Map.of("authorEmail", "dov-" + run + "@blog.example", "delivery", "hourly")).getStatusCode().value())
			.isEqualTo(200);
		UUID first = submit(api, single, name, email, url, text);
		UUID second = submit(api, digest, name, email, url, text + " again");

		// the engine's verdicts went to Kafka, and the notification module recorded what it tells authors
		await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from notification where comment_id = ?", first) == 1
				&& count("select count(*) from digest_entry where comment_id = ?", second) == 1);
		// a moderator's decision goes through the outbox, which keeps the sent event (with the name and the text)
		assertThat(admin.act(first.toString(), "reject").getStatusCode().value()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> count(
				"select count(*) from event_publication where completion_date is not null and strpos(serialized_event, ?) > 0",
				first.toString()) >= 1);
		Timestamp periodEnd = this.jdbc.sql("select period_end from digest_entry where comment_id = ?").param(second)
			.query(Timestamp.class).single();
		this.digests.sendDue(periodEnd.toInstant());
		assertThat(count("select count(*) from notification where ? = any(about_comments)", second)).isEqualTo(1);
		assertThat(textColumnsContaining(name)).as("the name is stored before").isNotEmpty();
		assertThat(this.requests.open(email, RequestKind.EXPORT)).as("a self-service request is stored too").isPresent();

		assertThat(admin.post("/api/v1/privacy/erase", Map.of("email", email, "removeText", true)).getStatusCode().value())
			.isEqualTo(200);

		for (String trace : List.of(name, email, url, text)) {
			assertThat(textColumnsContaining(trace)).as("where %s is still stored", trace).isEmpty();
		}
		assertThat(textColumnsContaining(this.privacy.hash(email).value()))
			.as("only the opt-out list may keep the hash, so the address is never mailed again")
			.allMatch(column -> column.startsWith("notification_optout."));
	}

	private UUID submit(Api api, String post, String name, String email, String url, String text) {
		var response = api.submit(post, Map.of("authorName", name, "authorEmail", email, "authorUrl", url, "text", text));
		assertThat(response.getStatusCode().value()).isEqualTo(202);
		return UUID.fromString(api.json(response).get("id").asString());
	}

	private int count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Integer.class).single();
	}

	/** Every {@code table.column} of text (or JSON) whose value contains {@code trace}, case-insensitively. */
	private List<String> textColumnsContaining(String trace) {
		List<String[]> columns = this.jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and table_name <> 'flyway_schema_history'
				  and data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')
				""")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		List<String> found = new ArrayList<>();
		for (String[] column : columns) {
			int hits = this.jdbc.sql("select count(*) from \"" + column[0] + "\" where strpos(lower(\"" + column[1]
					+ "\"::text), lower(?)) > 0")
				.param(trace)
				.query(Integer.class)
				.single();
			if (hits > 0) {
				found.add(column[0] + "." + column[1]);
			}
		}
		return found;
	}

}
