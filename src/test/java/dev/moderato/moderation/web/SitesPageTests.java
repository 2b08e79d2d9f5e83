package dev.moderato.moderation.web;

import dev.moderato.IntegrationTest;
import dev.moderato.SiteAdmin;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admins see every site with its posts on the Sites page and close or reopen a post's comments there; moderators do
 * not see it.
 */
@IntegrationTest
class SitesPageTests {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	Posts posts;

	MockMvc mvc;

	String site;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.site = SiteAdmin.uniqueId("page");
		SiteAdmin admin = new SiteAdmin(this.port);
		admin.firstUseSite(this.site);
		admin.call(HttpMethod.PUT, "/api/v1/posts/" + this.site + "-post", """
				{"title": "A post & more", "url": "https://%1$s.example/posts/p/", "authorName": "Bea",
				 "authorEmail": "bea@blog.example", "siteId": "%1$s"}""".formatted(this.site), "admin", "admin-dev-password");
	}

	@Test
	void anAdminClosesAndReopensAPostFromTheSitesPage() throws Exception {
		PostId post = new PostId(this.site + "-post");
		this.mvc.perform(get("/moderation/sites").with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Blog " + this.site)))
			.andExpect(content().string(containsString("A post &amp; more")))
			.andExpect(content().string(containsString("/moderation/sites/posts/" + post + "/close")));
		this.mvc.perform(post("/moderation/sites/posts/" + post + "/close").with(csrf())
				.with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(redirectedUrl("/moderation/sites"));
		assertThat(this.posts.commentsOpen(post)).isFalse();
		this.mvc.perform(get("/moderation/sites").with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(content().string(containsString("/moderation/sites/posts/" + post + "/reopen")));
		this.mvc.perform(post("/moderation/sites/posts/" + post + "/reopen").with(csrf())
				.with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(redirectedUrl("/moderation/sites"));
		assertThat(this.posts.commentsOpen(post)).isTrue();
	}

	@Test
	void theQueuePageLinksToTheSitesPageForAdminsOnly() throws Exception {
		this.mvc.perform(get("/moderation").with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a class=\"nav\" href=\"/moderation/sites\">Sites</a>")));
		this.mvc.perform(get("/moderation").with(user("moderator").roles("MODERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/moderation/sites"))));
	}

	@Test
	void moderatorsAndForgedPostsAreRefused() throws Exception {
		this.mvc.perform(get("/moderation/sites").with(user("moderator").roles("MODERATOR")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/moderation/sites/posts/" + this.site + "-post/close")
				.with(user("admin").roles("ADMIN", "MODERATOR")))
			.andExpect(status().isForbidden());
		assertThat(this.posts.commentsOpen(new PostId(this.site + "-post"))).isTrue();
	}

}
