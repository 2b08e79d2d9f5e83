package dev.moderato.comments;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public thread's storage: the per-post thread version, counts, and pages of published comments with only the
 * columns the thread shows.
 */
@Repository
class ThreadRepository {

	private static final String BUMP = """
			on conflict (post_id) do update set version = thread_version.version + 1
			""";

	private final JdbcClient jdbc;

	private final ThreadVersions cached;

	ThreadRepository(JdbcClient jdbc, ThreadVersions cached) {
		this.jdbc = jdbc;
		this.cached = cached;
	}

	/** The version as this instance last read it, at most {@link CommentsSettings#threadVersionTtl()} ago. */
	long recentVersion(PostId post) {
		return this.cached.version(post, this::version);
	}

	/** The version now, in the current transaction's snapshot. */
	long version(PostId post) {
		return this.jdbc.sql("select coalesce((select version from thread_version where post_id = ?), 0)")
			.param(post.value())
			.query(Long.class)
			.single();
	}

	/** The thread versions of these posts; a post whose thread never changed is absent (version 0). */
	Map<PostId, Long> versions(Collection<PostId> posts) {
		Map<PostId, Long> versions = new HashMap<>();
		this.jdbc.sql("select post_id, version from thread_version where post_id in (:posts)")
			.param("posts", posts.stream().map(PostId::value).toList())
			.query((rs, n) -> Map.entry(new PostId(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(e -> versions.put(e.getKey(), e.getValue()));
		return versions;
	}

	void bump(PostId post) {
		this.cached.changing(post);
		this.jdbc.sql("insert into thread_version (post_id, version) values (?, 1) " + BUMP).param(post.value()).update();
	}

	void bumpPostOf(CommentId comment) {
		this.cached.changingSome();
		this.jdbc.sql("insert into thread_version (post_id, version) select post_id, 1 from comment where id = ? " + BUMP)
			.param(comment.value())
			.update();
	}

	/** Bumps every post this commenter commented on, in post id order (so two such bumps cannot deadlock). */
	void bumpPostsOf(EmailHash commenter) {
		this.cached.changingSome();
		this.jdbc.sql("""
				insert into thread_version (post_id, version)
				select distinct post_id, 1 from comment where email_hash = ? order by post_id
				""" + BUMP)
			.param(commenter.value())
			.update();
	}

	/** Bumps every post that has comments of this status unchanged since then (those a purge deletes). */
	void bumpPostsWithUnchanged(CommentStatus status, java.time.Instant unchangedSince) {
		this.cached.changingSome();
		this.jdbc.sql("""
				insert into thread_version (post_id, version)
				select distinct post_id, 1 from comment
				where status = ? and submitted_at < ? and coalesce(moderated_at, submitted_at) < ? order by post_id
				""" + BUMP)
			.param(status.name())
			.param(Timestamp.from(unchangedSince))
			.param(Timestamp.from(unchangedSince))
			.update();
	}

	int count(PostId post) {
		return this.jdbc.sql("select count(*) from comment where post_id = ? and status = 'APPROVED'")
			.param(post.value())
			.query(Integer.class)
			.single();
	}

	/** How many comments each of these posts publishes; a post without any is absent. */
	Map<PostId, Integer> counts(Collection<PostId> posts) {
		Map<PostId, Integer> counts = new HashMap<>();
		this.jdbc.sql("select post_id, count(*) from comment where post_id in (:posts) and status = 'APPROVED' group by post_id")
			.param("posts", posts.stream().map(PostId::value).toList())
			.query((rs, n) -> Map.entry(new PostId(rs.getString(1)), rs.getInt(2)))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/**
	 * The top-level comments of a page (published, and not replying to a published comment), in order, one more than
	 * the limit to tell whether there is a next page.
	 */
	List<Root> roots(PostId post, ThreadQuery query) {
		boolean oldest = query.order() == ThreadQuery.Order.OLDEST;
		String direction = oldest ? "asc" : "desc";
		StringBuilder sql = new StringBuilder("""
				select c.id, c.submitted_at from comment c
				where c.post_id = :post and c.status = 'APPROVED'
				  and (c.parent_id is null
				       or not exists (select 1 from comment p where p.id = c.parent_id and p.status = 'APPROVED'))
				""");
		Map<String, Object> params = new HashMap<>();
		params.put("post", post.value());
		if (query.after() != null) {
			sql.append(" and (c.submitted_at, c.id) ").append(oldest ? ">" : "<").append(" (:afterAt, :afterId)");
			params.put("afterAt", Timestamp.from(query.after().submittedAt()));
			params.put("afterId", query.after().id().value());
		}
		sql.append(" order by c.submitted_at ").append(direction).append(", c.id ").append(direction).append(" limit :limit");
		params.put("limit", query.limit() + 1);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Root(new CommentId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()))
			.list();
	}

	/** These top-level comments with all their published replies, nested, in the order of {@code roots}. */
	List<ThreadComment> withReplies(List<CommentId> roots) {
		if (roots.isEmpty()) {
			return List.of();
		}
		List<ThreadComment> rows = this.jdbc.sql("""
				with recursive tree as (
				  select id, parent_id, author_name, author_url, text, html, avatar_id, submitted_at
				  from comment where id in (:roots)
				  union all
				  select c.id, c.parent_id, c.author_name, c.author_url, c.text, c.html, c.avatar_id, c.submitted_at
				  from comment c join tree t on c.parent_id = t.id where c.status = 'APPROVED'
				)
				select * from tree order by submitted_at, id
				""")
			.param("roots", roots.stream().map(CommentId::value).toList())
			.query((rs, n) -> {
				UUID parent = rs.getObject("parent_id", UUID.class);
				String text = rs.getString("text");
				String html = rs.getString("html");
				return new ThreadComment(new CommentId(rs.getObject("id", UUID.class)),
						parent == null ? null : new CommentId(parent), rs.getString("author_name"),
						rs.getString("author_url"), text,
						// stored before the column existed and not yet filled in: rendered now
						html == null ? CommentHtml.render(text) : html, rs.getString("avatar_id"),
						rs.getTimestamp("submitted_at").toInstant(), new ArrayList<>());
			})
			.list();
		Set<CommentId> top = new HashSet<>(roots);
		Map<CommentId, ThreadComment> byId = new LinkedHashMap<>();
		rows.forEach(c -> byId.put(c.id(), c));
		for (ThreadComment c : rows) {
			ThreadComment parent = top.contains(c.id()) || c.parentId() == null ? null : byId.get(c.parentId());
			if (parent != null) {
				parent.replies().add(c);
			}
		}
		return roots.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Renders and stores the HTML of up to {@code batch} comments stored without it. @return how many */
	int fillMissingHtml(int batch) {
		List<Map.Entry<UUID, String>> missing = this.jdbc.sql("select id, text from comment where html is null limit ?")
			.param(batch)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		for (Map.Entry<UUID, String> row : missing) {
			// the text is compared so that an erase in between is never overwritten with the old text's HTML
			this.jdbc.sql("update comment set html = ? where id = ? and html is null and text = ?")
				.params(CommentHtml.render(row.getValue()), row.getKey(), row.getValue())
				.update();
		}
		return missing.size();
	}

	record Root(CommentId id, java.time.Instant submittedAt) {
	}

}
