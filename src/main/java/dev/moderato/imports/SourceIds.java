package dev.moderato.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * What each record of a source became: the {@code import_source} table, keyed by site, format, kind and the source's
 * own id. It is what makes a re-import add only what is new.
 */
@Repository
class SourceIds {

	enum Kind {

		POST, COMMENT

	}

	/** One record's mapping; a {@code null} target: deliberately not stored (a deleted comment). */
	record Mapping(String sourceId, @Nullable String targetId) {
	}

	private final JdbcTemplate jdbc;

	SourceIds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The known mappings among these source ids: source id → target id (the value is null for a skipped record).
	 * <p>
	 * One index probe per id, whatever the table holds: as {@code source_id = any(?)}, a site's first import (every
	 * row of the table the same site, format and kind) was planned as a scan of the whole table once the statistics
	 * caught up, a batch's look-up growing with what the import had stored so far. The {@code limit 1} (the key is
	 * unique) keeps the lateral subquery a subquery, so the planner cannot make it a hash join over the table either.
	 */
	Map<String, Optional<String>> find(SiteId site, SourceFormat format, Kind kind, Collection<String> sourceIds) {
		Map<String, Optional<String>> found = new HashMap<>();
		if (sourceIds.isEmpty()) {
			return found;
		}
		this.jdbc.query("""
				select s.source_id, s.target_id from unnest(?) as u(source_id)
				cross join lateral (select i.source_id, i.target_id from import_source i
				  where i.site_id = ? and i.format = ? and i.kind = ? and i.source_id = u.source_id limit 1) s
				""", rs -> {
			found.put(rs.getString(1), Optional.ofNullable(rs.getString(2)));
		}, new SqlArrayValue("varchar", sourceIds.stream().distinct().toArray()), site.value(), format.id(), kind.name());
		return found;
	}

	/** Stores the mappings in one statement (the rows as arrays); one already known is left as it is. */
	void record(SiteId site, SourceFormat format, Kind kind, List<Mapping> mappings, Instant at) {
		if (mappings.isEmpty()) {
			return;
		}
		this.jdbc.update("""
				insert into import_source (site_id, format, kind, source_id, target_id, imported_at)
				select ?, ?, ?, m.source_id, m.target_id, ? from unnest(?, ?) as m(source_id, target_id)
				on conflict do nothing
				""", site.value(), format.id(), kind.name(), Timestamp.from(at),
				new SqlArrayValue("varchar", mappings.stream().map(Mapping::sourceId).toArray()),
				new SqlArrayValue("varchar", mappings.stream().map(Mapping::targetId).toArray()));
	}

	/**
	 * The posts of the site already registered under these URLs (a blog that used Moderato before importing its past):
	 * URL → the oldest post with it. One statement for the lot, the URLs as a relation joined to {@code post}, so the
	 * planner hashes them or probes {@code post_url} per URL; the oldest is picked here. (Asked as a lateral subquery
	 * with {@code limit 1} it walked the site's posts by date for each URL, over a second a chunk by 20,000 posts; as
	 * {@code url = any(?)} it compared every post with every URL, 700 ms a chunk by then.)
	 */
	Map<String, String> postsWithUrls(SiteId site, Collection<String> urls) {
		Map<String, String> found = new HashMap<>();
		if (urls.isEmpty()) {
			return found;
		}
		Map<String, Timestamp> oldest = new HashMap<>();
		this.jdbc.query("""
				select u.url, p.id, p.created_at from unnest(?) as u(url) join post p on p.url = u.url and p.site_id = ?
				""", rs -> {
			String url = rs.getString(1);
			Timestamp created = rs.getTimestamp(3);
			Timestamp before = oldest.get(url);
			if (before == null || created.before(before)) {
				oldest.put(url, created);
				found.put(url, rs.getString(2));
			}
		}, new SqlArrayValue("varchar", urls.stream().distinct().toArray()), site.value());
		return found;
	}

	/** Those of these post ids that are taken, in one statement. */
	Set<String> postIdsTaken(Collection<String> postIds) {
		Set<String> taken = new HashSet<>();
		if (postIds.isEmpty()) {
			return taken;
		}
		this.jdbc.query("select p.id from unnest(?) as u(id) join post p on p.id = u.id",
				rs -> {
					taken.add(rs.getString(1));
				}, new SqlArrayValue("varchar", postIds.stream().distinct().toArray()));
		return taken;
	}

}
