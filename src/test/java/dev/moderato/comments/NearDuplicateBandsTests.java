package dev.moderato.comments;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.moderato.OwnDatabase;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import dev.moderato.spam.TextFingerprint;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The banded near-duplicate query (V13) answers exactly as the scan over every recent fingerprint it replaced, on
 * generated data: exact copies, copies a few bits off (also all in one band), copies further off, copies outside the
 * window or on the same post, and unrelated fingerprints.
 */
class NearDuplicateBandsTests {

	/** The query issue 12 measured: every comment of the window compared bit by bit. */
	private static final String SCAN = """
			select count(*) from comment where post_id <> ? and submitted_at >= ? and fingerprint is not null
			  and fingerprint <> 0 and bit_count((fingerprint # ?)::bit(64)) <= ?
			""";

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final Instant SINCE = NOW.minus(Duration.ofDays(7));

	private static final int POSTS = 6;

	/** One connection for the whole class: thousands of small queries, none opening its own. */
	private static SingleConnectionDataSource connection;

	private static final List<Long> probes = new ArrayList<>();

	@BeforeAll
	static void generate() {
		OwnDatabase database = OwnDatabase.create("neardup").migrate();
		connection = new SingleConnectionDataSource(database.jdbcUrl(), database.username(), database.password(), true);
		JdbcTemplate jdbc = new JdbcTemplate(connection);
		for (int p = 0; p < POSTS; p++) {
			jdbc.update("insert into post (id, title, url, author_name, author_email, created_at, updated_at)"
					+ " values (?, 'Post', 'https://blog.example/p', 'Ann', 'ann@blog.example', now(), now())", "p" + p);
		}
		Random random = new Random(12);
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long probe = random.nextLong();
			probes.add(probe);
			rows.add(row(random, probe, NOW.minusSeconds(60)));
			for (int bits = 1; bits <= 6; bits++) {
				rows.add(row(random, flip(random, probe, bits, 64), NOW.minusSeconds(random.nextInt(600_000))));
			}
			// every differing bit in one band, the band the lookup then cannot match on
			rows.add(row(random, flip(random, probe, 3, 16), NOW.minusSeconds(3600)));
			rows.add(row(random, flip(random, probe, 2, 16), NOW.minusSeconds(7200)));
			// near, but older than the window
			rows.add(row(random, flip(random, probe, 1, 64), SINCE.minusSeconds(1)));
			// on the boundary of the window
			rows.add(row(random, probe, SINCE));
		}
		// texts: each left again as it was, with a word changed, with a word added, and an unrelated one
		String[] words = ("great post thanks for sharing this really helped me with my project check out cheap "
				+ "watches at our store today best prices guaranteed visit now the article explains it well").split(" ");
		for (int i = 0; i < 20; i++) {
			String text = sentence(random, words, 12 + random.nextInt(20));
			probes.add(TextFingerprint.of(text));
			for (String variant : List.of(text, text.replaceFirst("\\S+", "awesome"), text + " indeed",
					sentence(random, words, 15))) {
				rows.add(row(random, TextFingerprint.of(variant), NOW.minusSeconds(random.nextInt(500_000))));
			}
		}
		for (int i = 0; i < 3000; i++) {
			rows.add(row(random, random.nextLong(), NOW.minusSeconds(random.nextInt(1_000_000))));
		}
		for (int i = 0; i < 50; i++) {
			rows.add(row(random, 0L, NOW.minusSeconds(60))); // texts without words
			rows.add(row(random, null, NOW.minusSeconds(60))); // stored before fingerprints
		}
		jdbc.batchUpdate("""
				insert into comment (id, post_id, author_name, email_key_id, email_ciphertext, email_hash, text,
				  submitted_at, status, fingerprint)
				values (?, ?, 'Sam', 'k1', 'x', ?, 'text', ?, 'APPROVED', ?)
				""", rows);
	}

	@AfterAll
	static void close() {
		connection.destroy();
	}

	@Test
	void bandedQueryCountsWhatTheScanCounted() {
		SpamSignalQueries signals = new SpamSignalQueries(JdbcClient.create(connection));
		JdbcTemplate jdbc = new JdbcTemplate(connection);
		int found = 0;
		for (long probe : probes) {
			for (int p = 0; p < POSTS; p++) {
				PostId post = new PostId("p" + p);
				for (int maxBits = 0; maxBits <= TextFingerprint.NEAR_DUPLICATE_BITS; maxBits++) {
					int scanned = jdbc.queryForObject(SCAN, Integer.class, post.value(), Timestamp.from(SINCE), probe,
							maxBits);
					assertThat(signals.nearDuplicates(probe, post, SINCE, maxBits))
						.as("probe %x, not on %s, within %d bits", probe, post, maxBits)
						.isEqualTo(scanned);
					found += scanned;
				}
			}
			// a random fingerprint has no near-duplicate (but it finds the far copies by scan, where bands cannot)
			assertThat(signals.nearDuplicates(probe, new PostId("elsewhere"), SINCE, 6))
				.isEqualTo(jdbc.queryForObject(SCAN, Integer.class, "elsewhere", Timestamp.from(SINCE), probe, 6));
		}
		assertThat(found).as("the generated data holds near-duplicates at all").isGreaterThan(probes.size() * POSTS * 4);
	}

	@Test
	void submissionFactsCountTheSameNearDuplicates() {
		SpamSignalQueries signals = new SpamSignalQueries(JdbcClient.create(connection));
		long probe = probes.get(0);
		PostId post = new PostId("p0");
		SubmissionFacts facts = signals.facts(new SubmissionFacts.Question(CommentId.next(NOW), post, null,
				new EmailHash("a".repeat(64)), null, NOW.minusSeconds(600), probe, SINCE,
				TextFingerprint.NEAR_DUPLICATE_BITS));
		assertThat(facts.nearDuplicatesElsewhere())
			.isEqualTo(signals.nearDuplicates(probe, post, SINCE, TextFingerprint.NEAR_DUPLICATE_BITS))
			.isPositive();
		assertThat(facts.alreadyStored()).isFalse();
		assertThat(facts.parent()).isNull();
		assertThat(facts.recentFromNetwork()).isZero();
	}

	@Test
	void aFloodIsCountedOnlyUpToTheCapSoItsVerdictsCostNoMoreAsItGrows() {
		JdbcTemplate jdbc = new JdbcTemplate(connection);
		SpamSignalQueries signals = new SpamSignalQueries(JdbcClient.create(connection));
		EmailHash flooder = new EmailHash("ef".repeat(32));
		String network = "203.0.113.0/24";
		long copy = 0x5a5a_1234_9876_4321L;
		List<Object[]> flood = new ArrayList<>();
		for (int i = 0; i < SpamSignalQueries.COUNT_CAP + 50; i++) {
			flood.add(new Object[] { UUID.randomUUID(), "p" + (1 + i % (POSTS - 1)), flooder.value(), network,
					Timestamp.from(NOW.minusSeconds(1 + i % 300)), copy });
		}
		jdbc.batchUpdate("""
				insert into comment (id, post_id, author_name, email_key_id, email_ciphertext, email_hash, ip_prefix, text,
				  submitted_at, status, fingerprint)
				values (?, ?, 'Flo', 'k1', 'x', ?, ?, 'text', ?, 'SPAM', ?)
				""", flood);
		SubmissionFacts facts = signals.facts(new SubmissionFacts.Question(CommentId.next(NOW), new PostId("p0"), null,
				flooder, network, NOW.minusSeconds(600), copy, SINCE, TextFingerprint.NEAR_DUPLICATE_BITS));
		assertThat(facts.recentFromCommenter()).isEqualTo(SpamSignalQueries.COUNT_CAP);
		assertThat(facts.recentFromNetwork()).isEqualTo(SpamSignalQueries.COUNT_CAP);
		assertThat(facts.nearDuplicatesElsewhere()).isEqualTo(SpamSignalQueries.COUNT_CAP);
		jdbc.update("delete from comment where email_hash = ?", flooder.value());
	}

	@Test
	void submissionFactsAnswerRedeliveryParentHistoryAndVelocity() {
		JdbcTemplate jdbc = new JdbcTemplate(connection);
		SpamSignalQueries signals = new SpamSignalQueries(JdbcClient.create(connection));
		EmailHash commenter = new EmailHash("ab".repeat(32));
		String network = "192.0.2.0/24";
		CommentId published = CommentId.next(NOW);
		CommentId held = CommentId.next(NOW);
		CommentId elsewhere = CommentId.next(NOW);
		jdbc.batchUpdate("""
				insert into comment (id, post_id, author_name, email_key_id, email_ciphertext, email_hash, ip_prefix, text,
				  submitted_at, status, fingerprint)
				values (?, ?, 'Fay', 'k1', 'x', ?, ?, 'text', ?, ?, 1)
				""", List.of(
				new Object[] { published.value(), "p0", commenter.value(), network, Timestamp.from(NOW.minusSeconds(60)), "APPROVED" },
				new Object[] { held.value(), "p0", commenter.value(), network, Timestamp.from(NOW.minusSeconds(120)), "HELD" },
				new Object[] { elsewhere.value(), "p1", commenter.value(), "198.51.100.0/24", Timestamp.from(NOW.minusSeconds(7200)), "SPAM" },
				new Object[] { UUID.randomUUID(), "p2", "cd".repeat(32), network, Timestamp.from(NOW.minusSeconds(30)), "APPROVED" }));
		Instant recent = NOW.minusSeconds(600);
		PostId post = new PostId("p0");

		assertThat(signals.facts(question(published, post, null, commenter, network, recent)).alreadyStored()).isTrue();
		SubmissionFacts facts = signals.facts(question(CommentId.next(NOW), post, published, commenter, network, recent));
		assertThat(facts.alreadyStored()).isFalse();
		assertThat(facts.parent()).isEqualTo(ReplyTarget.OPEN);
		assertThat(facts.history()).isEqualTo(new CommenterHistory(1, 1, 1, 0)).isEqualTo(signals.history(commenter));
		assertThat(facts.recentFromCommenter()).isEqualTo(2)
			.isEqualTo(signals.countSince("email_hash", commenter.value(), recent));
		assertThat(facts.recentFromNetwork()).isEqualTo(3).isEqualTo(signals.countSince("ip_prefix", network, recent));
		assertThat(signals.facts(question(CommentId.next(NOW), post, held, commenter, null, recent)))
			.satisfies(f -> assertThat(f.parent()).isEqualTo(ReplyTarget.NOT_PUBLISHED))
			.satisfies(f -> assertThat(f.recentFromNetwork()).as("no network asked about").isZero());
		assertThat(signals.facts(question(CommentId.next(NOW), post, elsewhere, commenter, null, recent)).parent())
			.isEqualTo(ReplyTarget.OTHER_POST);
		assertThat(signals.facts(question(CommentId.next(NOW), post, CommentId.next(NOW), commenter, null, recent)).parent())
			.isEqualTo(ReplyTarget.UNKNOWN);
		assertThat(signals.facts(question(CommentId.next(NOW), post, null, new EmailHash("ef".repeat(32)), null, recent)).history())
			.isEqualTo(CommenterHistory.NONE);
	}

	@Test
	void aBatchOfQuestionsIsAnsweredAsEachAlone() {
		SpamSignalQueries signals = new SpamSignalQueries(JdbcClient.create(connection));
		List<SubmissionFacts.Question> batch = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long probe = i % 3 == 0 ? 0 : probes.get(i % probes.size());
			batch.add(new SubmissionFacts.Question(CommentId.next(NOW), new PostId("p" + (i % POSTS)),
					i % 4 == 0 ? CommentId.next(NOW) : null, new EmailHash(String.format("%064x", i % 5)),
					i % 2 == 0 ? null : "192.0.2.0/24", NOW.minusSeconds(600), probe, SINCE,
					TextFingerprint.NEAR_DUPLICATE_BITS));
		}
		List<SubmissionFacts> answers = signals.facts(batch);
		assertThat(answers).hasSize(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			assertThat(answers.get(i)).as("question %d", i).isEqualTo(signals.facts(List.of(batch.get(i))).get(0));
			if (batch.get(i).fingerprint() != 0) {
				assertThat(answers.get(i).nearDuplicatesElsewhere()).isEqualTo(signals.nearDuplicates(
						batch.get(i).fingerprint(), batch.get(i).post(), SINCE, TextFingerprint.NEAR_DUPLICATE_BITS));
			}
		}
		assertThat(answers).extracting(SubmissionFacts::nearDuplicatesElsewhere).anyMatch(n -> n > 0);
	}

	private static SubmissionFacts.Question question(CommentId id, PostId post, @Nullable CommentId parent,
			EmailHash commenter, @Nullable String network, Instant recentSince) {
		return new SubmissionFacts.Question(id, post, parent, commenter, network, recentSince, 0, SINCE,
				TextFingerprint.NEAR_DUPLICATE_BITS);
	}

	@Test
	void migrationBandsAndCountsCommentsStoredBeforeIt() {
		OwnDatabase old = OwnDatabase.create("neardup_backfill");
		MigrationVersion v13 = MigrationVersion.fromVersion("13");
		MigrationVersion before = Arrays.stream(flyway(old, null).info().all())
			.map(MigrationInfo::getVersion)
			.filter(version -> version.compareTo(v13) < 0)
			.max(Comparator.naturalOrder())
			.orElseThrow();
		flyway(old, before).migrate();
		JdbcTemplate jdbc = new JdbcTemplate(old.dataSource());
		jdbc.update("insert into post (id, title, url, author_name, author_email, created_at, updated_at)"
				+ " values ('p', 'Post', 'https://blog.example/p', 'Ann', 'ann@blog.example', now(), now())");
		Random random = new Random(13);
		List<Object[]> rows = new ArrayList<>();
		String[] statuses = { "APPROVED", "HELD", "SPAM", "REJECTED" };
		for (int i = 0; i < 200; i++) {
			rows.add(new Object[] { UUID.randomUUID(), "p", "h" + (i % 7),
					Timestamp.from(NOW.minusSeconds(random.nextInt(100_000))), statuses[i % 4], random.nextLong() });
		}
		jdbc.batchUpdate("""
				insert into comment (id, post_id, author_name, email_key_id, email_ciphertext, email_hash, text,
				  submitted_at, status, fingerprint)
				values (?, ?, 'Sam', 'k1', 'x', ?, 'text', ?, ?, ?)
				""", rows);

		flyway(old, null).migrate();

		for (Map<String, Object> stored : jdbc.queryForList(
				"select fingerprint, fp_band0, fp_band1, fp_band2, fp_band3 from comment")) {
			long fingerprint = (Long) stored.get("fingerprint");
			for (int n = 0; n < SpamSignalQueries.BANDS; n++) {
				assertThat(stored.get("fp_band" + n)).isEqualTo(SpamSignalQueries.band(fingerprint, n));
			}
		}
		assertThat(CommenterStatsTests.mismatches(jdbc)).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from commenter_stats", Integer.class)).isEqualTo(7);
	}

	private static Flyway flyway(OwnDatabase database, @Nullable MigrationVersion target) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(database.jdbcUrl(), database.username(), database.password())
			.locations("classpath:db/migration");
		return (target == null ? configuration : configuration.target(target)).load();
	}

	private static String sentence(Random random, String[] words, int length) {
		StringBuilder sentence = new StringBuilder();
		for (int w = 0; w < length; w++) {
			sentence.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
		}
		return sentence.toString();
	}

	private static Object[] row(Random random, Long fingerprint, Instant at) {
		return new Object[] { UUID.randomUUID(), "p" + random.nextInt(POSTS), "h" + random.nextInt(100),
				Timestamp.from(at), fingerprint };
	}

	/** Flips {@code bits} distinct bits of the fingerprint: anywhere ({@code span} 64) or all in one random band (16). */
	private static long flip(Random random, long fingerprint, int bits, int span) {
		int offset = span == 64 ? 0 : 16 * random.nextInt(4);
		long mask = 0;
		while (Long.bitCount(mask) < bits) {
			mask |= 1L << (offset + random.nextInt(span));
		}
		return fingerprint ^ mask;
	}

}
