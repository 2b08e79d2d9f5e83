package dev.moderato.comments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commenter counters (V13) equal a recount of the stored comments after every kind of change: submissions,
 * moderator decisions, deletes, an erase and retention.
 */
@IntegrationTest
class CommenterStatsTests {

	/** Long before anything else the suite stores, so that retention here purges only these comments. */
	private static final Instant LONG_AGO = Instant.parse("1999-03-01T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	DataSource dataSource;

	private final List<CommentId> stored = new ArrayList<>();

	/** Commenters whose counters differ from a recount of their comments (a missing row counts as zeros). */
	static List<Map<String, Object>> mismatches(JdbcTemplate jdbc) {
		return jdbc.queryForList("""
				with recount as (
				  select email_hash, count(*) filter (where status = 'APPROVED') as approved,
				         count(*) filter (where status = 'HELD') as held, count(*) filter (where status = 'SPAM') as spam,
				         count(*) filter (where status = 'REJECTED') as rejected
				  from comment group by email_hash)
				select coalesce(r.email_hash, s.email_hash) as email_hash, r.approved, s.approved as kept_approved,
				       r.held, s.held as kept_held, r.spam, s.spam as kept_spam, r.rejected, s.rejected as kept_rejected
				from recount r full join commenter_stats s on s.email_hash = r.email_hash
				where r.email_hash is null or s.email_hash is null or r.approved <> s.approved or r.held <> s.held
				   or r.spam <> s.spam or r.rejected <> s.rejected
				""");
	}

	@AfterEach
	void cleanUp() {
		this.stored.forEach(this.comments::delete);
	}

	@Test
	void countersEqualARecountAfterSubmissionsDecisionsDeletesErasureAndRetention() {
		new Api(this.port, this.json).registerPost("stats-post", "Counting", "Carl", "carl@blog.example");
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		EmailHash dora = this.privacy.hash("dora@stats.example");
		EmailHash eve = this.privacy.hash("eve@stats.example");

		Comment approved = store("dora@stats.example", CommentStatus.APPROVED, 0);
		Comment held = store("dora@stats.example", CommentStatus.HELD, 1);
		Comment heldToo = store("dora@stats.example", CommentStatus.HELD, 2);
		store("dora@stats.example", CommentStatus.SPAM, 3);
		store("eve@stats.example", CommentStatus.HELD, 4);
		Comment eves = store("eve@stats.example", CommentStatus.APPROVED, 5);
		assertThat(this.comments.historyOf(dora)).isEqualTo(new CommenterHistory(1, 2, 1, 0));
		assertThat(this.comments.historyOf(eve)).isEqualTo(new CommenterHistory(1, 1, 0, 0));
		assertThat(this.comments.addOnce(approved)).as("a redelivered insert counts nothing").isFalse();
		assertThat(mismatches(jdbc)).isEmpty();

		Comment decided = this.comments.find(held.id()).orElseThrow();
		decided.approve("moderator", LONG_AGO.plusSeconds(100));
		this.comments.saveDecision(decided);
		Comment marked = this.comments.find(approved.id()).orElseThrow();
		marked.markSpam("moderator", LONG_AGO.plusSeconds(101));
		this.comments.saveDecision(marked);
		Comment rejected = this.comments.find(heldToo.id()).orElseThrow();
		rejected.reject("moderator", LONG_AGO.plusSeconds(102));
		this.comments.saveDecision(rejected);
		assertThat(this.comments.historyOf(dora)).isEqualTo(new CommenterHistory(1, 0, 2, 1));
		assertThat(mismatches(jdbc)).isEmpty();

		this.comments.delete(eves.id());
		assertThat(this.comments.historyOf(eve)).isEqualTo(new CommenterHistory(0, 1, 0, 0));
		assertThat(mismatches(jdbc)).isEmpty();

		assertThat(this.comments.anonymise(dora, false)).isEqualTo(4);
		assertThat(this.comments.historyOf(dora)).isEqualTo(CommenterHistory.NONE);
		assertThat(jdbc.queryForObject("select count(*) from commenter_stats where email_hash = ?", Integer.class,
				dora.value()))
			.as("an erased commenter's hash is gone from the counters")
			.isZero();
		assertThat(mismatches(jdbc)).isEmpty();

		assertThat(this.comments.purge(CommentStatus.HELD, LONG_AGO.plusSeconds(1000))).isEqualTo(1);
		assertThat(this.comments.historyOf(eve)).isEqualTo(CommenterHistory.NONE);
		assertThat(mismatches(jdbc)).isEmpty();
	}

	private Comment store(String email, CommentStatus status, int second) {
		Instant at = LONG_AGO.plusSeconds(second);
		Comment comment = Comment.submitted(CommentId.next(at), new PostId("stats-post"), null,
				new CommentAuthor("Dora", null, this.privacy.encrypt(email), this.privacy.hash(email)), "203.0.113.0/24",
				null, "Counted comment " + second, false, at);
		comment.judge(status, 0.5, List.of("fixture"), "fixture", at);
		assertThat(this.comments.addOnce(comment, 0L)).isTrue();
		this.stored.add(comment.id());
		return comment;
	}

}
