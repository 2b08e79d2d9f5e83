package dev.moderato.posts;

import java.time.Clock;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moderato.sites.SiteId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of posts: look one up, register or update one.
 * <p>
 * Which posts exist is kept in a bounded in-memory cache, so intake can accept comments on known posts while the
 * database is briefly unreachable. Only "exists" answers are cached: posts are registered or updated (an upsert) but
 * never deleted, so a cached "exists" never goes stale on any instance, and an unknown id is always asked of the
 * database, so a post registered on another instance is seen at once.
 */
@Service
public class Posts {

	/** Enough for every post of a large blog; the least recently used ids are asked of the database again. */
	static final int KNOWN_POSTS = 50_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Cache<PostId, Boolean> known = Caffeine.newBuilder().maximumSize(KNOWN_POSTS).build();

	Posts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Post> find(PostId id) {
		return this.jdbc.sql("select id, site_id, title, url, author_name, author_email from post where id = ?")
			.param(id.value())
			.query((rs, n) -> new Post(new PostId(rs.getString(1)), new SiteId(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.optional();
	}

	/**
	 * Whether the post is registered; answered from memory for a post seen before.
	 * @throws org.springframework.dao.DataAccessException if the post was not seen before and the database cannot be
	 * reached
	 */
	public boolean exists(PostId id) {
		if (this.known.getIfPresent(id) != null) {
			return true;
		}
		boolean exists = inDatabase(id);
		if (exists) {
			this.known.put(id, Boolean.TRUE);
		}
		return exists;
	}

	private boolean inDatabase(PostId id) {
		return this.jdbc.sql("select count(*) from post where id = ?").param(id.value()).query(Integer.class).single() > 0;
	}

	/**
	 * Registers a post, or updates the one with the same id.
	 * @return {@code true} if the post is new
	 */
	@Transactional
	public boolean register(Post post) {
		boolean created = !inDatabase(post.id());
		this.jdbc.sql("""
				insert into post (id, site_id, title, url, author_name, author_email, created_at, updated_at)
				values (:id, :siteId, :title, :url, :authorName, :authorEmail, :now, :now)
				on conflict (id) do update set site_id = excluded.site_id, title = excluded.title, url = excluded.url,
				  author_name = excluded.author_name, author_email = excluded.author_email, updated_at = excluded.updated_at
				""")
			.param("id", post.id().value())
			.param("siteId", post.siteId().value())
			.param("title", post.title())
			.param("url", post.url())
			.param("authorName", post.authorName())
			.param("authorEmail", post.authorEmail())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		// not cached yet: the transaction may still roll back; the first lookup after it commits caches it
		return created;
	}

}
