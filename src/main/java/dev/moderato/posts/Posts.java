package dev.moderato.posts;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of posts: look one up, register or update one.
 */
@Service
public class Posts {

	private final JdbcClient jdbc;

	private final Clock clock;

	Posts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Post> find(PostId id) {
		return this.jdbc.sql("select id, title, url, author_name, author_email from post where id = ?")
			.param(id.value())
			.query((rs, n) -> new Post(new PostId(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	public boolean exists(PostId id) {
		return this.jdbc.sql("select count(*) from post where id = ?").param(id.value()).query(Integer.class).single() > 0;
	}

	/**
	 * Registers a post, or updates the one with the same id.
	 * @return {@code true} if the post is new
	 */
	@Transactional
	public boolean register(Post post) {
		boolean created = !exists(post.id());
		this.jdbc.sql("""
				insert into post (id, title, url, author_name, author_email, created_at, updated_at)
				values (:id, :title, :url, :authorName, :authorEmail, :now, :now)
				on conflict (id) do update set title = excluded.title, url = excluded.url,
				  author_name = excluded.author_name, author_email = excluded.author_email, updated_at = excluded.updated_at
				""")
			.param("id", post.id().value())
			.param("title", post.title())
			.param("url", post.url())
			.param("authorName", post.authorName())
			.param("authorEmail", post.authorEmail())
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return created;
	}

}
