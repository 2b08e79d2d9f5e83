package dev.moderato.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The stored facts the spam engine weighs, each through an index so that its cost does not grow with the stored
 * comments: near-duplicates by SimHash band (V13), velocity as an index range bounded by time, history from the
 * counters in {@code commenter_stats} (kept by a trigger, V13).
 */
@Repository
class SpamSignalQueries {

	/**
	 * Counts of recent comments (from a commenter, from a network, near-duplicates) stop here: every signal decides
	 * far below it, and a count that went on would cost a verdict as much as the flood it counts is large.
	 */
	static final int COUNT_CAP = 100;

	/**
	 * The verdict path compares a fingerprint with at most this many of the newest comments sharing each band: a flood
	 * of one text (on one post, where its copies do not count) costs no more than this, however long it goes on.
	 * Below it, the count is exact. (Past it, a comment sharing two bands counts in the first one only: one that is
	 * beyond the first band's newest but among the second's is left out, which only a flood of one text gets to.)
	 */
	static final int NEAR_CANDIDATES = 250;

	/** The fingerprint is indexed in this many 16-bit bands. */
	static final int BANDS = 4;

	/**
	 * Near-duplicates of {@code :fingerprint} on posts other than {@code :post} since {@code :duplicatesSince}: a
	 * BitmapOr over the four band indexes, then the bit comparison on those candidates only. Complete while
	 * {@code :maxBits < BANDS} (pigeonhole: some band has no differing bit).
	 */
	private static final String NEAR_BY_BAND = """
			select count(*) from comment
			where fingerprint <> 0 and submitted_at >= :duplicatesSince and post_id <> :post
			  and (fp_band0 = :band0 or fp_band1 = :band1 or fp_band2 = :band2 or fp_band3 = :band3)
			  and bit_count((fingerprint # :fingerprint)::bit(64)) <= :maxBits
			""";

	/** The same count by comparing every recent fingerprint: only for thresholds the bands cannot answer. */
	private static final String NEAR_BY_SCAN = """
			select count(*) from comment
			where fingerprint <> 0 and submitted_at >= :duplicatesSince and post_id <> :post
			  and bit_count((fingerprint # :fingerprint)::bit(64)) <= :maxBits
			""";

	private final JdbcClient jdbc;

	SpamSignalQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Band {@code n} (0 to 3) of a fingerprint, as the generated column {@code fp_band<n>} holds it. */
	static int band(long fingerprint, int n) {
		return (int) ((fingerprint >>> (16 * n)) & 0xFFFF);
	}

	/** Everything in one statement: one round trip per submission. */
	SubmissionFacts facts(SubmissionFacts.Question question) {
		return facts(List.of(question)).get(0);
	}

	/**
	 * The facts of many submissions (a poll's worth) in one statement: the questions travel as arrays, each row of
	 * their {@code unnest} asks what the single-submission statement asked, through the same indexes. Every question
	 * must use the same {@code maxBits}. @return the facts in the order of the questions
	 */
	List<SubmissionFacts> facts(List<SubmissionFacts.Question> questions) {
		if (questions.isEmpty()) {
			return List.of();
		}
		int maxBits = questions.get(0).maxBits();
		int n = questions.size();
		Object[] ids = new Object[n], posts = new Object[n], parents = new Object[n], hashes = new Object[n],
				networks = new Object[n], recentSince = new Object[n], fingerprints = new Object[n],
				duplicatesSince = new Object[n];
		Object[][] bands = new Object[BANDS][n];
		for (int i = 0; i < n; i++) {
			SubmissionFacts.Question q = questions.get(i);
			if (q.maxBits() != maxBits) {
				throw new IllegalArgumentException("Every question of one batch must use the same maxBits");
			}
			ids[i] = q.comment().value();
			posts[i] = q.post().value();
			parents[i] = q.parent() == null ? null : q.parent().value();
			hashes[i] = q.commenter().value();
			networks[i] = q.network();
			recentSince[i] = q.recentSince().toString(); // ISO 8601 in UTC: no time zone of the JVM involved
			fingerprints[i] = q.fingerprint();
			duplicatesSince[i] = q.duplicatesSince().toString();
			for (int b = 0; b < BANDS; b++) {
				bands[b][i] = band(q.fingerprint(), b);
			}
		}
		Map<String, Object> params = new HashMap<>();
		params.put("ids", new SqlArrayValue("uuid", ids));
		params.put("posts", new SqlArrayValue("varchar", posts));
		params.put("parents", new SqlArrayValue("uuid", parents));
		params.put("hashes", new SqlArrayValue("varchar", hashes));
		params.put("networks", new SqlArrayValue("varchar", networks));
		params.put("recentSince", new SqlArrayValue("timestamptz", recentSince));
		params.put("fingerprints", new SqlArrayValue("int8", fingerprints));
		params.put("duplicatesSince", new SqlArrayValue("timestamptz", duplicatesSince));
		for (int b = 0; b < BANDS; b++) {
			params.put("band" + b, new SqlArrayValue("int4", bands[b]));
		}
		params.put("maxBits", maxBits);
		List<SubmissionFacts> facts = this.jdbc.sql("""
				select q.n, exists (select 1 from comment c where c.id = q.id) as stored,
				  p.id is not null as parent_found, p.post_id as parent_post, p.status as parent_status,
				  coalesce(s.approved, 0) as approved, coalesce(s.held, 0) as held, coalesce(s.spam, 0) as spam,
				  coalesce(s.rejected, 0) as rejected,
				  (select count(*) from (select 1 from comment c
				   where c.email_hash = cast(q.hash as char(64)) and c.submitted_at >= q.recent_since
				   limit\s""" + COUNT_CAP + """
				  ) capped) as from_commenter,
				  case when q.network is null then 0 else
				    (select count(*) from (select 1 from comment c
				     where c.ip_prefix = q.network and c.submitted_at >= q.recent_since limit\s""" + COUNT_CAP + """
				    ) capped)
				  end as from_network,
				  case when q.fingerprint = 0 then 0 else (""" + near("q", maxBits) + """
				  ) end as near
				from unnest(:ids, :posts, :parents, :hashes, :networks, :recentSince, :fingerprints, :duplicatesSince,
				    :band0, :band1, :band2, :band3)
				  with ordinality as q(id, post, parent, hash, network, recent_since, fingerprint, duplicates_since,
				    band0, band1, band2, band3, n)
				  left join comment p on p.id = q.parent
				  left join commenter_stats s on s.email_hash = cast(q.hash as char(64))
				order by q.n
				""")
			.params(params)
			.query((rs, row) -> {
				SubmissionFacts.Question q = questions.get(rs.getInt("n") - 1);
				return new SubmissionFacts(rs.getBoolean("stored"),
						q.parent() == null ? null
								: replyTarget(rs.getBoolean("parent_found"), rs.getString("parent_post"),
										rs.getString("parent_status"), q.post()),
						new CommenterHistory(rs.getInt("approved"), rs.getInt("held"), rs.getInt("spam"),
								rs.getInt("rejected")),
						rs.getInt("from_commenter"), rs.getInt("from_network"), rs.getInt("near"));
			})
			.list();
		if (facts.size() != n) {
			throw new IllegalStateException("Asked about " + n + " submissions, got " + facts.size() + " answers");
		}
		return facts;
	}

	/**
	 * The near-duplicate count for the question row {@code q} of {@link #facts(List)}: by band while the bands answer
	 * it ({@link #NEAR_BY_BAND}), else by comparing every recent fingerprint.
	 */
	private static String near(String q, int maxBits) {
		if (maxBits >= BANDS) {
			return ("""
					select count(*) from (select 1 from comment c
					where c.fingerprint <> 0 and c.submitted_at >= %1$s.duplicates_since and c.post_id <> %1$s.post
					  and bit_count((c.fingerprint # %1$s.fingerprint)::bit(64)) <= :maxBits
					limit\s""" + COUNT_CAP + """
					) capped
					""").formatted(q);
		}
		// each band's newest candidates, read from its index alone (V24); a candidate sharing several bands is in
		// several lists, and counts in the first band it shares only
		StringBuilder candidates = new StringBuilder();
		for (int b = 0; b < BANDS; b++) {
			candidates.append(b == 0 ? "" : " union all ").append("""
					(select post_id, fingerprint, %2$d as band from comment
					 where fp_band%2$d = %1$s.band%2$d and fingerprint <> 0 and submitted_at >= %1$s.duplicates_since
					 order by submitted_at desc limit %3$d)
					""".formatted(q, b, NEAR_CANDIDATES));
		}
		StringBuilder firstShared = new StringBuilder();
		for (int b = 0; b < BANDS - 1; b++) {
			firstShared.append("""
					  and (c.band <= %2$d or ((c.fingerprint >> %3$d) & 65535)::int <> %1$s.band%2$d)
					""".formatted(q, b, 16 * b));
		}
		return """
				select least(count(*), %2$d) from (%3$s) c
				where c.post_id <> %1$s.post and bit_count((c.fingerprint # %1$s.fingerprint)::bit(64)) <= :maxBits
				%4$s""".formatted(q, COUNT_CAP, candidates, firstShared);
	}

	int countSince(String column, String value, Instant since) {
		return this.jdbc.sql("select count(*) from comment where " + column + " = ? and submitted_at >= ?")
			.param(value)
			.param(Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	int nearDuplicates(long fingerprint, PostId notOn, Instant since, int maxBits) {
		Map<String, Object> params = new HashMap<>();
		nearParams(params, fingerprint, notOn, since, maxBits);
		return this.jdbc.sql(nearQuery(maxBits)).params(params).query(Integer.class).single();
	}

	CommenterHistory history(EmailHash hash) {
		return this.jdbc.sql("select approved, held, spam, rejected from commenter_stats where email_hash = ?")
			.param(hash.value())
			.query((rs, n) -> new CommenterHistory(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional()
			.orElse(CommenterHistory.NONE);
	}

	private static String nearQuery(int maxBits) {
		return maxBits < BANDS ? NEAR_BY_BAND : NEAR_BY_SCAN;
	}

	private static void nearParams(Map<String, Object> params, long fingerprint, PostId notOn, Instant since,
			int maxBits) {
		params.put("fingerprint", fingerprint);
		params.put("post", notOn.value());
		params.put("duplicatesSince", Timestamp.from(since));
		params.put("maxBits", maxBits);
		for (int n = 0; n < BANDS; n++) {
			params.put("band" + n, band(fingerprint, n));
		}
	}

	private static ReplyTarget replyTarget(boolean found, String parentPost, String parentStatus, PostId post) {
		if (!found) {
			return ReplyTarget.UNKNOWN;
		}
		if (!parentPost.equals(post.value())) {
			return ReplyTarget.OTHER_POST;
		}
		return CommentStatus.valueOf(parentStatus) == CommentStatus.APPROVED ? ReplyTarget.OPEN
				: ReplyTarget.NOT_PUBLISHED;
	}

}
