package dev.moderato.posts;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.SiteAdmin;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.sites.SiteId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment on a page nobody registered creates its post, but only under a site that allows it, for a URL under its
 * prefixes and origins, from one of its origins, with the id derived from the URL; two first comments make one post.
 * The embed finds the post (or the one it will get) by URL, and index pages count by URL.
 */
@IntegrationTest
class FirstUseTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Posts posts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FirstUse firstUse;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	SiteAdmin admin;

	String site;

	String origin;

	@BeforeEach
	void registerSite() {
		this.admin = new SiteAdmin(this.port);
		this.site = SiteAdmin.uniqueId("first");
		this.origin = "https://" + this.site + ".example";
		assertThat(this.admin.firstUseSite(this.site).getStatusCode().value()).isEqualTo(201);
	}

	@Test
	void theFirstCommentOnAPageCreatesItsPostUnderTheDerivedId() {
		String url = this.origin + "/posts/2026/05/hello-world/";
		JsonNode before = json(this.admin.get("/api/v1/posts/by-url?url=" + url + "?utm=x", java.util.Map.of()));
		PostId id = PostUrl.derivedId(new SiteId(this.site), url);
		assertThat(before.get("exists").asBoolean()).isFalse();
		assertThat(before.get("id").asString()).isEqualTo(id.value()).startsWith(this.site + "-").hasSize(this.site.length() + 17);
		assertThat(before.get("commentsOpen").asBoolean()).isTrue();

		ResponseEntity<String> accepted = this.admin.submitJson(id.value(), body("HTTPS://" + this.site + ".EXAMPLE:443/posts/2026/05/hello-world/#top",
				"  Hello,\u0007 world  "), this.origin);
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		Post post = this.posts.find(id).orElseThrow();
		assertThat(post.url()).isEqualTo(url);
		assertThat(post.title()).isEqualTo("Hello, world");
		assertThat(post.siteId().value()).isEqualTo(this.site);
		assertThat(post.authorEmail()).isEqualTo("ada@" + this.site + ".example");

		JsonNode after = json(this.admin.get("/api/v1/posts/by-url?url=" + url, java.util.Map.of()));
		assertThat(after.get("exists").asBoolean()).isTrue();
		assertThat(after.get("id").asString()).isEqualTo(id.value());
		assertThat(after.get("title").asString()).isEqualTo("Hello, world");
	}

	@Test
	void aPageWithoutATitleIsNamedByItsPath() {
		String url = this.origin + "/posts/untitled/";
		PostId id = PostUrl.derivedId(new SiteId(this.site), url);
		assertThat(this.admin.submitJson(id.value(), body(url, null), null).getStatusCode().value()).isEqualTo(202);
		assertThat(this.posts.find(id).orElseThrow().title()).isEqualTo("/posts/untitled/");
	}

	@Test
	void noPostIsCreatedOutsideTheSitesPrefixesAndOriginsOrUnderAnotherId() {
		String outside = this.origin + "/about/";
		assertThat(this.admin.get("/api/v1/posts/by-url?url=" + outside, java.util.Map.of()).getStatusCode().value())
			.isEqualTo(404);
		PostId outsideId = PostUrl.derivedId(new SiteId(this.site), outside);
		assertUnknownPost(this.admin.submitJson(outsideId.value(), body(outside, "About"), this.origin));

		String page = this.origin + "/posts/guarded/";
		PostId id = PostUrl.derivedId(new SiteId(this.site), page);
		String other = SiteAdmin.uniqueId("other");
		this.admin.firstUseSite(other);
		assertUnknownPost(this.admin.submitJson(id.value(), body(page, "Guarded"), "https://" + other + ".example"));
		assertThat(this.admin.submitJson(id.value(), body(page, "Guarded"), "https://evil.example").getStatusCode()
			.value()).as("refused by CORS already").isEqualTo(403);
		assertUnknownPost(this.admin.submitJson(this.site + "-chosen", body(page, "Guarded"), this.origin));
		assertUnknownPost(this.admin.submitJson(id.value(), "{\"authorName\": \"R\", \"authorEmail\": \"r@mail.example\", \"text\": \"hi\"}",
				this.origin));
		assertThat(this.posts.exists(id)).isFalse();
		assertThat(this.posts.exists(outsideId)).isFalse();
		assertThat(this.posts.exists(new PostId(this.site + "-chosen"))).isFalse();
	}

	@Test
	void aSiteThatRegistersPostsByHandCreatesNone() {
		String manual = SiteAdmin.uniqueId("manual");
		this.admin.putSite(manual, """
				{"name": "Manual", "origins": ["https://%1$s.example"], "postUrlPrefixes": ["https://%1$s.example/"],
				 "authorName": "Ada", "authorEmail": "ada@manual.example", "createPostsOnFirstUse": false}""".formatted(manual));
		String url = "https://" + manual + ".example/post/";
		assertThat(this.admin.get("/api/v1/posts/by-url?url=" + url, java.util.Map.of()).getStatusCode().value())
			.isEqualTo(404);
		PostId id = PostUrl.derivedId(new SiteId(manual), url);
		assertUnknownPost(this.admin.submitJson(id.value(), body(url, "Post"), "https://" + manual + ".example"));
		assertThat(this.posts.exists(id)).isFalse();
	}

	@Test
	void aSiteWithoutAnAuthorCannotCreatePostsAndSaysWhy() {
		String anonymous = SiteAdmin.uniqueId("noauthor");
		this.admin.putSite(anonymous, """
				{"name": "No author", "origins": ["https://%1$s.example"], "postUrlPrefixes": ["https://%1$s.example/"],
				 "createPostsOnFirstUse": true}""".formatted(anonymous));
		String url = "https://" + anonymous + ".example/post/";
		PostId id = PostUrl.derivedId(new SiteId(anonymous), url);
		ResponseEntity<String> refused = this.admin.submitJson(id.value(), body(url, "Post"), null);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody()).contains("\"field\":\"postUrl\"", "author");
		assertThat(this.posts.exists(id)).isFalse();
	}

	@Test
	void twoFirstCommentsAtOnceMakeOnePost() throws Exception {
		String url = this.origin + "/posts/race/";
		PostId id = PostUrl.derivedId(new SiteId(this.site), url);
		CyclicBarrier start = new CyclicBarrier(4);
		List<CompletableFuture<ResponseEntity<String>>> racers = java.util.stream.IntStream.range(0, 4)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.admin.submitJson(id.value(), body(url, "Race " + i), this.origin);
			}))
			.toList();
		for (CompletableFuture<ResponseEntity<String>> racer : racers) {
			assertThat(racer.get().getStatusCode().value()).isEqualTo(202);
		}
		assertThat(this.jdbc.sql("select count(*) from post where url = ?").param(url).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void indexPagesCountCommentsByUrl() {
		String url = this.origin + "/posts/counted/";
		String never = this.origin + "/posts/never-commented/";
		String elsewhere = "https://elsewhere.example/x";
		JsonNode counts = json(this.admin.get("/api/v1/counts?url=" + url + "&url=" + never + "&url=" + elsewhere,
				java.util.Map.of()));
		assertThat(counts.get(url).asInt()).isZero();
		assertThat(counts.get(never).asInt()).isZero();
		assertThat(counts.get(elsewhere).asInt()).isZero();
		assertThat(this.admin.get("/api/v1/counts?url=ftp://x", java.util.Map.of()).getStatusCode().value())
			.isEqualTo(400);

		PostId id = PostUrl.derivedId(new SiteId(this.site), url);
		this.firstUse.create(id, url, "Counted", null);
		new CommentFixtures(this.comments, this.privacy).approvedComment(id.value(), "Gus", "gus@mail.example", "Nice");
		JsonNode now = json(this.admin.get("/api/v1/counts?url=" + url + "&post=" + id.value(), java.util.Map.of()));
		assertThat(now.get(url).asInt()).isEqualTo(1);
		assertThat(now.get(id.value()).asInt()).isEqualTo(1);
	}

	private String body(String postUrl, String postTitle) {
		return this.json.writeValueAsString(postTitle == null
				? java.util.Map.of("authorName", "Reader", "authorEmail", "reader@mail.example", "text", "First!", "postUrl", postUrl)
				: java.util.Map.of("authorName", "Reader", "authorEmail", "reader@mail.example", "text", "First!", "postUrl", postUrl,
						"postTitle", postTitle));
	}

	private static void assertUnknownPost(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody()).contains("Unknown post");
	}

	private JsonNode json(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

}
