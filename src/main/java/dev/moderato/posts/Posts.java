package dev.moderato.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.moderato.sites.SiteId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The registry of posts: look one up, register or update one, close or reopen its comments.
 * <p>
 * Known posts (what {@link #find} answers, and whether they take comments) are kept in a bounded in-memory cache, so
 * intake can accept comments on known posts while the database is briefly unreachable, and the verdict and
 * notification paths, which look up a post for every comment, do not ask the database each time. Only posts that
 * exist are cached: posts are registered or updated (an upsert) but never deleted, so a cached post never disappears,
 * and an unknown id is always asked of the database, so a post registered on another instance is seen at once. A
 * cached post is read again at most {@link #REFRESH} after it was last read (the old one is kept while the database
 * cannot be reached): a post updated, closed or reopened on this instance is seen at once, on another within that
 * time, and so is a change of its site's {@code closeAfterDays}.
 */
@Service
public class Posts {

	/** Enough for every post of a large blog; the least recently used ids are asked of the database again. */
	static final int KNOWN_POSTS = 50_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** How long a post, and whether its comments are open, may be answered from memory. */
	static final Duration REFRESH = Duration.ofSeconds(10);

	private final LoadingCache<PostId, Known> known;

	Posts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		// a loader answering null caches nothing: unknown ids are asked again
		this.known = Caffeine.newBuilder().maximumSize(KNOWN_POSTS).refreshAfterWrite(REFRESH).build(this::load);
	}

	/**
	 * The post, answered from memory for a post seen in the last {@link #REFRESH} on this instance.
	 * @throws org.springframework.dao.DataAccessException if the post was not seen before and the database cannot be
	 * reached
	 */
	public Optional<Post> find(PostId id) {
		return Optional.ofNullable(this.known.get(id)).map(Known::post);
	}

	/**
	 * Whether the post is registered; answered from memory for a post seen before.
	 * @throws org.springframework.dao.DataAccessException if the post was not seen before and the database cannot be
	 * reached
	 */
	public boolean exists(PostId id) {
		return this.known.get(id) != null;
	}

	/**
	 * Whether the post takes comments now: it exists, no admin closed its comments, and its site's
	 * {@code closeAfterDays} (if any) have not passed since it was created. Computed on every call, not by a job.
	 * @throws org.springframework.dao.DataAccessException if the post was not seen before and the database cannot be
	 * reached
	 */
	public boolean commentsOpen(PostId id) {
		Known known = this.known.get(id);
		return known != null && known.standing().open(this.clock.instant());
	}

	/** The post as admins see it: when it was created, and whether its comments are closed. */
	@Transactional(readOnly = true)
	public Optional<PostStatus> status(PostId id) {
		return this.jdbc.sql(STATUS + " where p.id = ?").param(id.value()).query(this::toStatus).optional();
	}

	/** The oldest post stored with this (normalised) URL, if any. */
	@Transactional(readOnly = true)
	public Optional<PostStatus> findByUrl(String url) {
		return this.jdbc.sql(STATUS + " where p.url = ? order by p.created_at, p.id limit 1")
			.param(url)
			.query(this::toStatus)
			.optional();
	}

	/** A page of a site's posts by id, after the given id ({@code null}: from the first). */
	@Transactional(readOnly = true)
	public List<PostStatus> ofSite(SiteId site, @Nullable PostId after, int limit) {
		return this.jdbc.sql(STATUS + " where p.site_id = ? and p.id > ? order by p.id limit ?")
			.params(site.value(), after == null ? "" : after.value(), limit)
			.query(this::toStatus)
			.list();
	}

	/**
	 * Closes or reopens a post's comments ({@code post.comments_closed}); the site's age limit still applies.
	 * @return whether the post exists
	 */
	@Transactional
	public boolean closeComments(PostId id, boolean closed) {
		int updated = this.jdbc.sql("update post set comments_closed = ?, updated_at = ? where id = ?")
			.params(closed, Timestamp.from(this.clock.instant()), id.value())
			.update();
		forgetAfterCommit(id);
		return updated == 1;
	}

	private static final String STATUS = """
			select p.id, p.site_id, p.title, p.url, p.author_name, p.author_email, p.created_at, p.comments_closed,
			  s.close_after_days
			from post p join site s on s.id = p.site_id""";

	private PostStatus toStatus(ResultSet rs, int row) throws SQLException {
		Standing standing = standing(rs);
		return new PostStatus(post(rs), standing.createdAt(), standing.closed(), standing.open(this.clock.instant()));
	}

	/** The post of a row of {@link #STATUS}. */
	private static Post post(ResultSet rs) throws SQLException {
		return new Post(new PostId(rs.getString(1)), new SiteId(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6));
	}

	/** Whether the post of a row of {@link #STATUS} takes comments. */
	private static Standing standing(ResultSet rs) throws SQLException {
		return new Standing(rs.getTimestamp(7).toInstant(), rs.getBoolean(8), rs.getObject(9, Integer.class));
	}

	private @Nullable Known load(PostId id) {
		return this.jdbc.sql(STATUS + " where p.id = ?")
			.param(id.value())
			.query((rs, n) -> new Known(post(rs), standing(rs)))
			.optional()
			.orElse(null);
	}

	/** Read again once the transaction that changed the post committed (never cached before: it may roll back). */
	private void forgetAfterCommit(PostId id) {
		this.known.invalidate(id);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					Posts.this.known.invalidate(id);
				}

			});
		}
	}

	/**
	 * Creates a post unless one with its id exists (a concurrent first comment on the same page created it): never
	 * changes an existing post.
	 * @return {@code true} if this call created it
	 */
	@Transactional
	boolean createIfAbsent(Post post) {
		int inserted = this.jdbc.sql("""
				insert into post (id, site_id, title, url, author_name, author_email, created_at, updated_at)
				values (:id, :siteId, :title, :url, :authorName, :authorEmail, :now, :now)
				on conflict (id) do nothing
				""")
			.param("id", post.id().value())
			.param("siteId", post.siteId().value())
			.param("title", post.title())
			.param("url", post.url())
			.param("authorName", post.authorName())
			.param("authorEmail", post.authorEmail())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		return inserted == 1;
	}

	/** A post as stored, and whether it takes comments. */
	private record Known(Post post, Standing standing) {
	}

	/** Whether comments are open, from what is stored about a post and its site. */
	private record Standing(Instant createdAt, boolean closed, @Nullable Integer closeAfterDays) {

		boolean open(Instant now) {
			return !this.closed && (this.closeAfterDays == null
					|| now.isBefore(this.createdAt.plus(Duration.ofDays(this.closeAfterDays))));
		}

	}

	private boolean inDatabase(PostId id) {
		return this.jdbc.sql("select count(*) from post where id = ?").param(id.value()).query(Integer.class).single() > 0;
	}

	/**
	 * Creates posts that do not exist yet (an import's), in one statement; an id already taken is left as it is.
	 * @param closed the ids among them whose comments are closed
	 */
	@Transactional
	public void createAll(List<Post> posts, Set<PostId> closed) {
		if (posts.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into post (id, site_id, title, url, author_name, author_email, comments_closed, created_at,
				  updated_at)
				select p.id, p.site_id, p.title, p.url, p.author_name, p.author_email, p.closed, :now, :now
				from unnest(:ids, :sites, :titles, :urls, :names, :emails, :closed)
				  as p(id, site_id, title, url, author_name, author_email, closed)
				on conflict (id) do nothing
				""")
			.param("ids", array("varchar", posts, p -> p.id().value()))
			.param("sites", array("varchar", posts, p -> p.siteId().value()))
			.param("titles", array("varchar", posts, Post::title))
			.param("urls", array("varchar", posts, Post::url))
			.param("names", array("varchar", posts, Post::authorName))
			.param("emails", array("varchar", posts, Post::authorEmail))
			.param("closed", array("boolean", posts, p -> closed.contains(p.id())))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		posts.forEach(p -> forgetAfterCommit(p.id()));
	}

	private static SqlArrayValue array(String type, List<Post> posts, Function<Post, Object> value) {
		return new SqlArrayValue(type, posts.stream().map(value).toArray());
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
		// its site may have changed: whether it is open is read again once the transaction commits
		forgetAfterCommit(post.id());
		return created;
	}

}
