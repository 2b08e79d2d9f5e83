package dev.moderato.sites;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of sites: look one up, find the site a page belongs to, register or update one.
 * <p>
 * Sites are few and read on every public request (CORS, intake), so the whole registry is kept in memory and read
 * again from the database at most {@link #REFRESH} after it was last read; a change made on this instance is seen
 * at once, one made on another instance within that time.
 */
@Service
public class Sites {

	static final Duration REFRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final LoadingCache<Boolean, List<Site>> all;

	Sites(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.all = Caffeine.newBuilder().expireAfterWrite(REFRESH).build(key -> load());
	}

	/** Every site, by id. */
	public List<Site> list() {
		return this.all.get(Boolean.TRUE);
	}

	public Optional<Site> find(SiteId id) {
		return list().stream().filter(site -> site.id().equals(id)).findFirst();
	}

	/** The site whose post URL prefixes the URL is under (the longest prefix wins), if any. */
	public Optional<Site> siteOf(String url) {
		return list().stream()
			.flatMap(site -> site.prefixOf(url).map(prefix -> Map.entry(prefix.length(), site)).stream())
			.max(Comparator.comparingInt(Map.Entry::getKey))
			.map(Map.Entry::getValue);
	}

	/** Whether any site's pages are served from the origin. */
	public boolean isSiteOrigin(String origin) {
		return list().stream().anyMatch(site -> site.allowsOrigin(origin));
	}

	/**
	 * Registers a site, or updates the one with the same id.
	 * @return {@code true} if the site is new
	 */
	@Transactional
	public boolean save(Site site) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int inserted = this.jdbc.sql("""
				insert into site (id, name, origins, post_url_prefixes, author_name, author_email,
				  create_posts_on_first_use, close_after_days, created_at, updated_at)
				values (:id, :name, :origins, :prefixes, :authorName, :authorEmail, :firstUse, :closeAfter, :now, :now)
				on conflict (id) do nothing
				""").params(params(site, now)).update();
		if (inserted == 0) {
			this.jdbc.sql("""
					update site set name = :name, origins = :origins, post_url_prefixes = :prefixes,
					  author_name = :authorName, author_email = :authorEmail, create_posts_on_first_use = :firstUse,
					  close_after_days = :closeAfter, updated_at = :now
					where id = :id
					""").params(params(site, now)).update();
		}
		this.all.invalidateAll();
		return inserted == 1;
	}

	private static Map<String, Object> params(Site site, Timestamp now) {
		HashMap<String, Object> params = new HashMap<>();
		params.put("id", site.id().value());
		params.put("name", site.name());
		params.put("origins", site.origins().toArray(String[]::new));
		params.put("prefixes", site.postUrlPrefixes().toArray(String[]::new));
		params.put("authorName", site.authorName());
		params.put("authorEmail", site.authorEmail());
		params.put("firstUse", site.createPostsOnFirstUse());
		params.put("closeAfter", site.closeAfterDays());
		params.put("now", now);
		return params;
	}

	private List<Site> load() {
		return this.jdbc.sql("""
				select id, name, origins, post_url_prefixes, author_name, author_email, create_posts_on_first_use,
				  close_after_days
				from site order by id
				""").query(Sites::site).list();
	}

	private static Site site(ResultSet rs, int row) throws SQLException {
		return new Site(new SiteId(rs.getString(1)), rs.getString(2), strings(rs.getArray(3)), strings(rs.getArray(4)),
				rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getObject(8, Integer.class));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

}
