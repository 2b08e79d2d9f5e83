package dev.moderato.comments;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.moderato.IntegrationTest;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.sites.SiteId;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict path stores a poll's judged comments in one statement: a reply keeps a parent stored in the same batch,
 * loses one that exists nowhere, and a comment already stored or twice in the batch is stored once, with its
 * verdict noted as not yet announced and the commenter's counters following; the note's deletion once announced
 * does not wait for the disk.
 */
@IntegrationTest
class JudgedBatchStorageTests {

	@Autowired
	Comments comments;

	@Autowired
	Posts posts;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JsonMapper json;

	PostId post;

	@BeforeEach
	void registerPost() {
		this.post = new PostId("batch-" + UUID.randomUUID().toString().substring(0, 8));
		this.posts.register(new Post(this.post, SiteId.DEFAULT, "Batches", "https://blog.example/" + this.post.value(),
				"Ann", "ann@blog.example"));
	}

	@Test
	void aReplyKeepsAParentStoredInTheSameBatchAndLosesOneThatExistsNowhere() {
		Comment parent = judged(null, CommentStatus.APPROVED, "parent@mail.example");
		Comment reply = judged(parent.id(), CommentStatus.APPROVED, "reply@mail.example");
		Comment orphan = judged(CommentId.next(Instant.now()), CommentStatus.HELD, "orphan@mail.example");

		boolean[] stored = this.comments.addAllOnce(List.of(new Comments.Judged(parent, 1L), new Comments.Judged(reply, 2L),
				new Comments.Judged(orphan, null)));

		assertThat(stored).containsExactly(true, true, true);
		assertThat(parentOf(reply.id())).isEqualTo(parent.id().value());
		assertThat(parentOf(orphan.id())).isNull();
		assertThat(this.comments.find(orphan.id()).orElseThrow().status()).isEqualTo(CommentStatus.HELD);
		assertThat(this.comments.unannounced(List.of(parent.id(), reply.id(), orphan.id()))).hasSize(3);
	}

	@Test
	void aCommentAlreadyStoredOrTwiceInTheBatchIsStoredOnce() {
		Comment first = judged(null, CommentStatus.APPROVED, "twice@mail.example");
		assertThat(this.comments.addAllOnce(List.of(new Comments.Judged(first, null)))).containsExactly(true);
		Comment again = judged(null, CommentStatus.SPAM, "again@mail.example");

		boolean[] stored = this.comments.addAllOnce(List.of(new Comments.Judged(first, null),
				new Comments.Judged(again, null), new Comments.Judged(again, null)));

		assertThat(stored).containsExactly(false, true, false);
		assertThat(this.jdbc.sql("select count(*) from comment where id in (?, ?)")
			.params(first.id().value(), again.id().value())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select spam from commenter_stats where email_hash = ?")
			.param(again.author().emailHash().value())
			.query(Integer.class)
			.single()).as("counted once").isEqualTo(1);
	}

	@Test
	void notingVerdictsAnnouncedSkipsTheFlushForThatTransactionAloneAndLeavesTheNextDurable() throws SQLException {
		Comment comment = judged(null, CommentStatus.APPROVED, "noted@mail.example");
		this.comments.addAllOnce(List.of(new Comments.Judged(comment, null)));
		// one connection throughout, its commits durable (the tests' server runs with synchronous_commit off)
		try (Connection connection = this.dataSource.getConnection()) {
			SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
			JdbcTemplate jdbc = new JdbcTemplate(one);
			jdbc.execute("set synchronous_commit = on");
			try {
				CommentWriter writer = new CommentWriter(jdbc, new NamedParameterJdbcTemplate(one), this.json);
				TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(one));

				String noting = transactions.execute((status) -> {
					writer.announced(List.of(comment.id()));
					return jdbc.queryForObject("show synchronous_commit", String.class);
				});

				assertThat(noting).isEqualTo("off");
				assertThat(this.comments.unannounced(List.of(comment.id()))).isEmpty();
				String next = transactions.execute((status) -> jdbc.queryForObject("show synchronous_commit", String.class));
				assertThat(next).as("the connection's next transaction waits for the flush")
					.isEqualTo("on");
			}
			finally {
				jdbc.execute("reset synchronous_commit");
			}
		}
	}

	private Comment judged(CommentId parent, CommentStatus verdict, String email) {
		Instant now = Instant.now();
		Comment comment = Comment.submitted(CommentId.next(now), this.post, parent,
				new CommentAuthor("Batch", null, this.privacy.encrypt(email), this.privacy.hash(email)), "198.51.100.0/24",
				null, "Stored with the others of its poll.", false, now);
		comment.judge(verdict, 0.1, List.of("a reason"), "engine", now);
		return comment;
	}

	private UUID parentOf(CommentId id) {
		return this.jdbc.sql("select parent_id from comment where id = ?")
			.param(id.value())
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, UUID.class)))
			.single()
			.orElse(null);
	}

}
