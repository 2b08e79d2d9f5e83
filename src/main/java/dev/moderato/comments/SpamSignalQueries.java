package dev.moderato.comments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored facts the spam engine weighs, each through an index so that its cost does not grow with the stored
 * comments: near-duplicates by SimHash band (V13), velocity as an index range bounded by time, history from the
 * counters in {@code commenter_stats} (kept by a trigger, V13).
 */
@Repository
class SpamSignalQueries {

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
		Map<String, Object> params = new HashMap<>();
		params.put("id", question.comment().value());
		params.put("parent", question.parent() == null ? null : question.parent().value());
		params.put("hash", question.commenter().value());
		params.put("network", question.network());
		params.put("recentSince", Timestamp.from(question.recentSince()));
		nearParams(params, question.fingerprint(), question.post(), question.duplicatesSince(), question.maxBits());
		String near = question.fingerprint() == 0 ? "0" : "(" + nearQuery(question.maxBits()) + ")";
		return this.jdbc.sql("""
				select exists (select 1 from comment where id = :id) as stored,
				  p.id is not null as parent_found, p.post_id as parent_post, p.status as parent_status,
				  coalesce(s.approved, 0) as approved, coalesce(s.held, 0) as held, coalesce(s.spam, 0) as spam,
				  coalesce(s.rejected, 0) as rejected,
				  (select count(*) from comment where email_hash = :hash and submitted_at >= :recentSince) as from_commenter,
				  case when cast(:network as varchar) is null then 0 else
				    (select count(*) from comment where ip_prefix = cast(:network as varchar) and submitted_at >= :recentSince)
				  end as from_network,
				  """ + near + """
				 as near
				from (select 1) one
				  left join comment p on p.id = cast(:parent as uuid)
				  left join commenter_stats s on s.email_hash = :hash
				""")
			.params(params)
			.query((rs, n) -> new SubmissionFacts(rs.getBoolean("stored"),
					question.parent() == null ? null
							: replyTarget(rs.getBoolean("parent_found"), rs.getString("parent_post"),
									rs.getString("parent_status"), question.post()),
					new CommenterHistory(rs.getInt("approved"), rs.getInt("held"), rs.getInt("spam"),
							rs.getInt("rejected")),
					rs.getInt("from_commenter"), rs.getInt("from_network"), rs.getInt("near")))
			.single();
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
