package dev.moderato.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import dev.moderato.imports.ImportReport.LearningReport;
import dev.moderato.imports.ImportReport.Quality;
import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;
import dev.moderato.spam.Candidate;
import dev.moderato.spam.Feedback;
import dev.moderato.spam.SpamFilter;
import dev.moderato.spam.SpamLearning;
import dev.moderato.spam.SpamSettings;
import dev.moderato.spam.Verdict;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teaches the spam engine from an imported history: approved comments as ham, spam as spam (held and rejected ones
 * are left out: nobody said what they were). A fixed fifth of them, chosen by a seeded hash of the comment id, is kept
 * out of learning and judged before and after, on a copy of the current model that learns exactly what the shared
 * decision log (which every instance's engine learns from) is given, so the report says what the engine gained.
 * All of it is in this one class so a site's own spam layer can be wired in one place.
 */
@Component
class HistoryLearning {

	static final long SEED = 0x5EED_13L;

	static final int HELD_OUT_PERCENT = 20;

	private final JdbcTemplate jdbc;

	private final SpamLearning learning;

	private final SpamSettings settings;

	private final TransactionTemplate tx;

	HistoryLearning(JdbcTemplate jdbc, SpamLearning learning, SpamSettings settings, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.learning = learning;
		this.settings = settings;
		this.tx = tx;
	}

	/** Learns from the approved and spam comments this import (started then) stored, and measures the gain. */
	LearningReport learnFrom(SiteId site, SourceFormat format, Instant importStartedAt) {
		SpamFilter copy = currentModel();
		Counts before = new Counts();
		each(site, format, importStartedAt, row -> {
			if (heldOut(row.id)) {
				before.add(copy.assess(row.candidate()).verdict(), row.spam);
			}
		});
		long[] learned = new long[2];
		each(site, format, importStartedAt, row -> {
			if (!heldOut(row.id)) {
				copy.learn(row.candidate(), row.spam);
				this.learning.record(new Feedback(UUID.nameUUIDFromBytes(("import-learning:" + row.id).getBytes(StandardCharsets.UTF_8)),
						row.id, row.postId, row.authorName, row.authorUrl, row.text, row.spam));
				learned[row.spam ? 1 : 0]++;
			}
		});
		Counts after = new Counts();
		each(site, format, importStartedAt, row -> {
			if (heldOut(row.id)) {
				after.add(copy.assess(row.candidate()).verdict(), row.spam);
			}
		});
		return new LearningReport(learned[0], learned[1], before.total(), before.quality(), after.quality());
	}

	private SpamFilter currentModel() {
		return this.jdbc.query("select snapshot from spam_model order by updated_at desc limit 1",
				rs -> rs.next() ? SpamFilter.fromSnapshot(this.settings, rs.getBytes(1))
						: SpamFilter.withDefaultModel(this.settings));
	}

	static boolean heldOut(UUID id) {
		long h = id.getMostSignificantBits() * 31 + id.getLeastSignificantBits() ^ SEED;
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		return Math.floorMod(h, 100) < HELD_OUT_PERCENT;
	}

	private record Row(UUID id, String postId, String authorName, @org.jspecify.annotations.Nullable String authorUrl, String text, boolean spam) {

		Candidate candidate() {
			return Candidate.of(this.text, this.authorName, this.authorUrl, this.postId, "0".repeat(64), 0, 0);
		}

	}

	private void each(SiteId site, SourceFormat format, Instant importStartedAt, Consumer<Row> out) {
		this.tx.executeWithoutResult(status -> this.jdbc.query(con -> {
			var ps = con.prepareStatement("""
					select c.id, c.post_id, c.author_name, c.author_url, c.text, c.status from import_source s
					join comment c on c.id = cast(s.target_id as uuid)
					where s.site_id = ? and s.format = ? and s.kind = 'COMMENT' and s.imported_at = ?
					  and c.status in ('APPROVED', 'SPAM') and not c.reasons ?? 'pingback' and not c.reasons ?? 'trackback'
					order by c.submitted_at, c.id
					""");
			ps.setString(1, site.value());
			ps.setString(2, format.id());
			ps.setTimestamp(3, Timestamp.from(importStartedAt));
			ps.setFetchSize(500);
			return ps;
		}, rs -> {
			out.accept(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), "SPAM".equals(rs.getString(6))));
		}));
	}

	private static final class Counts {

		long tp, fp, tn, fn, spamApproved;

		void add(Verdict verdict, boolean spam) {
			boolean saidSpam = verdict == Verdict.SPAM;
			if (spam && verdict == Verdict.APPROVED) {
				this.spamApproved++;
			}
			if (spam && saidSpam) {
				this.tp++;
			}
			else if (spam) {
				this.fn++;
			}
			else if (saidSpam) {
				this.fp++;
			}
			else {
				this.tn++;
			}
		}

		long total() {
			return this.tp + this.fp + this.tn + this.fn;
		}

		Quality quality() {
			double d = Math.sqrt((double) (this.tp + this.fp) * (this.tp + this.fn) * (this.tn + this.fp) * (this.tn + this.fn));
			double mcc = d == 0 ? 0 : (this.tp * this.tn - this.fp * this.fn) / d;
			return new Quality(Math.round(mcc * 1000) / 1000.0, this.fp, this.spamApproved);
		}

	}

}
