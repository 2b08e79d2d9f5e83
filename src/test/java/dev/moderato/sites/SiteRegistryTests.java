package dev.moderato.sites;

import java.util.List;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sites are stored, updated, and found by the pages they serve.
 */
@IntegrationTest
class SiteRegistryTests {

	@Autowired
	Sites sites;

	@Test
	void everyInstallationHasTheDefaultSiteThatKeepsHandRegisteredPosts() {
		Site site = this.sites.find(SiteId.DEFAULT).orElseThrow();
		assertThat(site.createPostsOnFirstUse()).isFalse();
		assertThat(site.closeAfterDays()).isNull();
	}

	@Test
	void aSiteIsCreatedThenUpdatedInPlace() {
		SiteId id = new SiteId("registry-film");
		Site first = new Site(id, "Film notes", List.of("https://film.example"), List.of("https://film.example/reviews/"),
				"Ada", "ada@film.example", true, null);
		assertThat(this.sites.save(first)).isTrue();
		Site second = new Site(id, "Film notes", List.of("https://film.example", "https://www.film.example"),
				List.of("https://film.example/reviews/"), "Ada", "ada@film.example", true, 30);
		assertThat(this.sites.save(second)).isFalse();
		assertThat(this.sites.find(id)).contains(second);
	}

	@Test
	void aPageBelongsToTheSiteWithTheLongestMatchingPrefix() {
		Site blog = new Site(new SiteId("registry-blog"), "Blog", List.of("https://prefix.example"),
				List.of("https://prefix.example/"), null, null, false, null);
		Site notes = new Site(new SiteId("registry-notes"), "Notes", List.of("https://prefix.example"),
				List.of("https://prefix.example/notes/"), null, null, true, null);
		this.sites.save(blog);
		this.sites.save(notes);
		assertThat(this.sites.siteOf("https://prefix.example/notes/2026/05/hello-world/")).contains(notes);
		assertThat(this.sites.siteOf("https://prefix.example/about/")).contains(blog);
		assertThat(this.sites.siteOf("https://elsewhere.example/notes/")).isEmpty();
		assertThat(this.sites.isSiteOrigin("https://prefix.example")).isTrue();
		assertThat(this.sites.isSiteOrigin("https://evil.example")).isFalse();
	}

	@Test
	void originsAreSchemeHostAndPortInLowerCaseWithoutDefaultPorts() {
		assertThat(Site.originOf("HTTPS://Blog.Example:443/2026/05/hello/")).contains("https://blog.example");
		assertThat(Site.originOf("http://localhost:4000/demo")).contains("http://localhost:4000");
		assertThat(Site.originOf("javascript:alert(1)")).isEmpty();
		assertThat(Site.originOf("/relative/path")).isEmpty();
	}

}
