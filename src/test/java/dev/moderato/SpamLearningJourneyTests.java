package dev.moderato;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.spam.SpamLearning;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Moderators teach the running service: a spam pattern that was held at first is caught after a few "mark spam"
 * decisions, learned through {@code comments.moderated} and the shared decision log, and the model is saved to
 * PostgreSQL for other instances.
 */
@IntegrationTest
class SpamLearningJourneyTests {

	static final String PATTERN = "Grandma's secret remedy for knee pain, order the herbal kit from %s today";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	SpamLearning learning;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHeldSpamPatternIsCaughtAfterModeratorsMarkItSpam() {
		Api api = new Api(this.port, this.json);
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		CommentFixtures fixtures = new CommentFixtures(this.comments, this.privacy);
		String post = "learning-" + UUID.randomUUID().toString().substring(0, 8);
		api.registerPost(post, "Knees", "Kai", "kai-" + post + "@blog.example");
		String email = "regular-" + post + "@mail.example";
		fixtures.approvedComment(post, "Regular", email, "Thanks for the post.");

		// before any decision, the pitch (no link, no contact, from a regular) is not evidence enough for spam
		assertThat(verdictOf(api, post, email, PATTERN.formatted("Helga"))).isIn(CommentStatus.APPROVED, CommentStatus.HELD);

		long before = this.learning.appliedSeq();
		for (String name : new String[] { "Olga", "Marta", "Frieda", "Greta" }) {
			Comment held = fixtures.heldComment(post, name, name.toLowerCase() + "-" + post + "@mail.example",
					PATTERN.formatted(name));
			assertThat(moderator.act(held.id().toString(), "spam").getStatusCode().value()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> this.learning.appliedSeq() >= before + 4);

		assertThat(verdictOf(api, post, email, PATTERN.formatted("Ilse"))).isEqualTo(CommentStatus.SPAM);

		this.learning.save();
		assertThat(this.jdbc.sql("select applied_seq from spam_model where site_id = 'default'").query(Long.class).single())
			.isGreaterThanOrEqualTo(before + 4);
	}

	private CommentStatus verdictOf(Api api, String post, String email, String text) {
		String id = api.json(api.submit(post, Map.of("authorName", "Regular", "authorEmail", email, "text", text)))
			.get("id")
			.asString();
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> this.comments.find(CommentId.parse(id).orElseThrow()).map(Comment::status).orElse(null),
					s -> s != null);
	}

}
