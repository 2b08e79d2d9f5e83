package dev.moderato.posts;

import dev.moderato.IntegrationTest;
import dev.moderato.sites.SiteId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posts the verdict and notification paths look up for every comment are answered from memory: a post registered
 * or updated on this instance is seen at once, one registered elsewhere is asked of the database, and one updated
 * elsewhere is seen once its cached copy is refreshed.
 */
@IntegrationTest
class KnownPostsTests {

	@Autowired
	Posts posts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPostUpdatedOnThisInstanceIsFoundAsUpdatedAtOnce() {
		PostId id = new PostId("known-updated");
		this.posts.register(post(id, "First title"));
		assertThat(this.posts.find(id).orElseThrow().title()).isEqualTo("First title");

		this.posts.register(post(id, "Second title"));

		assertThat(this.posts.find(id).orElseThrow().title()).isEqualTo("Second title");
	}

	@Test
	void aPostRegisteredElsewhereIsFoundAtOnceAndAnUpdateElsewhereIsAnsweredFromMemory() {
		PostId id = new PostId("known-elsewhere");
		assertThat(this.posts.find(id)).isEmpty();
		insertAsAnotherInstanceWould(id, "Stored elsewhere");

		assertThat(this.posts.find(id).orElseThrow().title()).isEqualTo("Stored elsewhere");

		this.jdbc.sql("update post set title = 'Renamed elsewhere' where id = ?").param(id.value()).update();
		assertThat(this.posts.find(id).orElseThrow().title())
			.as("read again only %s after it was cached", Posts.REFRESH)
			.isEqualTo("Stored elsewhere");
	}

	private void insertAsAnotherInstanceWould(PostId id, String title) {
		this.jdbc.sql("""
				insert into post (id, site_id, title, url, author_name, author_email, created_at, updated_at)
				values (?, 'default', ?, 'https://blog.example/elsewhere', 'Ann', 'ann@blog.example', now(), now())""")
			.params(id.value(), title)
			.update();
	}

	private static Post post(PostId id, String title) {
		return new Post(id, SiteId.DEFAULT, title, "https://blog.example/" + id.value(), "Ann", "ann@blog.example");
	}

}
