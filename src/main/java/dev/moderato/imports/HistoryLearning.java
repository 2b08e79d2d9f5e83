package dev.moderato.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import dev.moderato.imports.ImportReport.LearningReport;
import dev.moderato.imports.ImportReport.Quality;
import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;
import dev.moderato.spam.HistoryReport;
import dev.moderato.spam.LabelledComment;
import dev.moderato.spam.SpamLearning;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Teaches the site's spam layer from an imported history: approved comments as ham, spam as spam (held and rejected
 * ones are left out: nobody said what they were; pingbacks and trackbacks too). The newest fifth is kept out of
 * learning and judged before and after the rest is learned ({@link SpamLearning#learnFromHistory}), so the report
 * says what the engine gained on comments it did not learn. At most the newest {@link #MOST} comments are used, so
 * memory stays bounded for a huge history; older ones add little to a site layer that already learned that many.
 */
@Component
class HistoryLearning {

	static final double HELD_OUT = 0.2;

	static final int MOST = 50_000;

	private final JdbcTemplate jdbc;

	/** Looked up when an import learns: the import command starts without the spam engine (its prior takes seconds). */
	private final ObjectProvider<SpamLearning> learning;

	private final TransactionTemplate tx;

	HistoryLearning(JdbcTemplate jdbc, ObjectProvider<SpamLearning> learning, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.learning = learning;
		this.tx = tx;
	}

	/** Learns from the approved and spam comments this import (started then) stored, and measures the gain. */
	LearningReport learnFrom(SiteId site, SourceFormat format, Instant importStartedAt) {
		List<LabelledComment> history = history(site, format, importStartedAt);
		HistoryReport report = this.learning.getObject().learnFromHistory(site.value(), history, HELD_OUT);
		long spam = history.subList(0, report.learned()).stream().filter(LabelledComment::spam).count();
		return new LearningReport(report.learned() - spam, spam, history.size() - report.learned(),
				quality(report.before()), quality(report.after()));
	}

	private static Quality quality(HistoryReport.Figures figures) {
		return new Quality(figures.mcc(), figures.fpr(), figures.leak());
	}

	/** The newest {@link #MOST} approved and spam comments of the import, oldest first. */
	private List<LabelledComment> history(SiteId site, SourceFormat format, Instant importStartedAt) {
		List<LabelledComment> newestFirst = new ArrayList<>();
		this.tx.executeWithoutResult(status -> this.jdbc.query(con -> {
			var ps = con.prepareStatement("""
					select c.id, c.post_id, c.author_name, c.author_url, c.text, c.status, p.title, p.url
					from import_source s
					join comment c on c.id = cast(s.target_id as uuid)
					join post p on p.id = c.post_id
					where s.site_id = ? and s.format = ? and s.kind = 'COMMENT' and s.imported_at = ?
					  and c.status in ('APPROVED', 'SPAM') and not c.reasons ?? 'pingback' and not c.reasons ?? 'trackback'
					order by c.submitted_at desc, c.id desc
					limit ?
					""");
			ps.setString(1, site.value());
			ps.setString(2, format.id());
			ps.setTimestamp(3, Timestamp.from(importStartedAt));
			ps.setInt(4, MOST);
			ps.setFetchSize(500);
			return ps;
		}, rs -> {
			newestFirst.add(new LabelledComment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(7), rs.getString(8), "SPAM".equals(rs.getString(6))));
		}));
		Collections.reverse(newestFirst);
		return newestFirst;
	}

}
