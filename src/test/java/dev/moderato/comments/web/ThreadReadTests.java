package dev.moderato.comments.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public thread as a CDN sees it: a strong ETag that changes with every change to the thread and only then, 304
 * on a match, a short public Cache-Control, stable cursor paging by top-level comment, counts of many posts, the HTML
 * stored once, and URLs that never echo the request's Host.
 */
@IntegrationTest
class ThreadReadTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	JdbcClient jdbc;

	Api api;

	CommentFixtures fixtures;

	Moderators admin;

	String post;

	@BeforeEach
	void post() {
		this.api = new Api(this.port, this.json);
		this.fixtures = new CommentFixtures(this.comments, this.privacy);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.post = "thread-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.registerPost(this.post, "Threads", "Tia", "tia@blog.example");
	}

	@Test
	void theThreadIsPubliclyCacheableAndAMatchingETagGets304WithoutABody() {
		this.fixtures.approvedComment(this.post, "Ann", mail("ann"), "First");
		ResponseEntity<String> first = thread("");
		String etag = first.getHeaders().getETag();

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(etag).startsWith("\"").endsWith("\"");
		assertThat(first.getHeaders().getCacheControl()).isEqualTo("max-age=10, public, stale-while-revalidate=30");
		assertThat(thread("").getHeaders().getETag()).as("unchanged thread, same ETag").isEqualTo(etag);

		ResponseEntity<String> again = conditional(threadPath(""), etag);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(again.getBody()).isNull();
		assertThat(again.getHeaders().getETag()).isEqualTo(etag);
		assertThat(again.getHeaders().getCacheControl()).contains("public", "max-age=10");
		assertThat(conditional(threadPath(""), "W/" + etag + ", \"other\"").getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(conditional(threadPath(""), "\"other\"").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void theETagChangesWhenACommentIsApprovedDeletedOrErased() {
		String bob = mail("bob");
		Comment held = this.fixtures.heldComment(this.post, "Bob", bob, "Held for now");
		String before = thread("").getHeaders().getETag();

		assertThat(this.admin.act(held.id().toString(), "approve").getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> approved = conditional(threadPath(""), before);
		assertThat(approved.getStatusCode()).as("approval changes the thread").isEqualTo(HttpStatus.OK);
		assertThat(this.api.json(approved).get("count").asInt()).isEqualTo(1);
		String afterApproval = approved.getHeaders().getETag();
		assertThat(afterApproval).isNotEqualTo(before);

		this.admin.post("/api/v1/privacy/erase", Map.of("email", bob, "removeText", true));
		ResponseEntity<String> erased = conditional(threadPath(""), afterApproval);
		assertThat(erased.getStatusCode()).as("erasure changes the thread").isEqualTo(HttpStatus.OK);
		JsonNode comment = this.api.json(erased).get("comments").get(0);
		assertThat(comment.get("authorName").asString()).isEqualTo("deleted");
		assertThat(comment.get("html").asString()).as("the stored HTML follows the erased text").isEqualTo("<p>[deleted]</p>");
		String afterErasure = erased.getHeaders().getETag();
		assertThat(afterErasure).isNotEqualTo(afterApproval);

		assertThat(this.admin.delete("/api/v1/moderation/comments/" + held.id()).getStatusCode().is2xxSuccessful()).isTrue();
		ResponseEntity<String> deleted = conditional(threadPath(""), afterErasure);
		assertThat(deleted.getStatusCode()).as("deletion changes the thread").isEqualTo(HttpStatus.OK);
		assertThat(this.api.json(deleted).get("count").asInt()).isZero();
		assertThat(deleted.getHeaders().getETag()).isNotIn(before, afterApproval, afterErasure);
	}

	@Test
	void aPageIsRenderedOncePerThreadVersionAndServedFromMemoryUntilTheThreadChanges() {
		Comment first = this.fixtures.approvedComment(this.post, "Gil", mail("gil"), "Rendered once");
		ResponseEntity<String> read = thread("");
		// changed behind the service's back, without a new thread version: the page kept under that version is served
		this.jdbc.sql("update comment set html = '<p>changed</p>' where id = ?").param(first.id().value()).update();
		ResponseEntity<String> again = thread("");
		assertThat(again.getBody()).isEqualTo(read.getBody());
		assertThat(again.getHeaders().getETag()).isEqualTo(read.getHeaders().getETag());

		// a change through the service gives a new version, read from the database at once on this instance
		this.fixtures.approvedComment(this.post, "Hal", mail("hal"), "A second one");
		ResponseEntity<String> changed = thread("");
		assertThat(changed.getHeaders().getETag()).isNotEqualTo(read.getHeaders().getETag());
		assertThat(this.api.json(changed).get("count").asInt()).isEqualTo(2);
		assertThat(this.api.json(changed).get("comments").get(0).get("html").asString()).isEqualTo("<p>changed</p>");
	}

	@Test
	void aThreadChangedByAnotherInstanceIsSeenOnceTheVersionReadHereExpires() {
		this.fixtures.approvedComment(this.post, "Ida", mail("ida"), "Seen everywhere");
		String before = thread("").getHeaders().getETag();
		// what another instance's transaction does when it publishes a comment on this post
		this.jdbc.sql("update thread_version set version = version + 1 where post_id = ?").param(this.post).update();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ResponseEntity<String> now = conditional(threadPath(""), before);
			assertThat(now.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(now.getHeaders().getETag()).isNotEqualTo(before);
		});
	}

	@Test
	void pagesByTopLevelCommentWithTheirRepliesInEitherOrder() {
		List<Comment> roots = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			roots.add(this.fixtures.approvedComment(this.post, "Root " + i, mail("r" + i), "Root " + i));
		}
		Comment reply = this.fixtures.approvedReply(roots.get(1), "Rae", mail("rae"), "A reply");
		this.fixtures.approvedReply(reply, "Rex", mail("rex"), "A reply to the reply");

		List<String> oldest = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = this.api.json(thread("?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
			assertThat(page.get("count").asInt()).as("the whole thread's count on every page").isEqualTo(7);
			assertThat(page.get("comments").size()).isLessThanOrEqualTo(2);
			page.get("comments").forEach(c -> oldest.add(c.get("text").asString()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(oldest).containsExactly("Root 0", "Root 1", "Root 2", "Root 3", "Root 4");

		JsonNode firstPage = this.api.json(thread("?limit=2"));
		JsonNode withReplies = firstPage.get("comments").get(1);
		assertThat(withReplies.get("replies").get(0).get("text").asString()).isEqualTo("A reply");
		assertThat(withReplies.get("replies").get(0).get("replies").get(0).get("text").asString())
			.isEqualTo("A reply to the reply");

		// a comment added meanwhile does not shift the pages already read
		String next = firstPage.get("next").asString();
		this.fixtures.approvedComment(this.post, "Late", mail("late"), "Root 5");
		JsonNode second = this.api.json(thread("?limit=2&cursor=" + next));
		assertThat(second.get("comments").get(0).get("text").asString()).isEqualTo("Root 2");

		JsonNode newest = this.api.json(thread("?order=newest&limit=3"));
		assertThat(newest.get("comments").findValues("text").stream().map(JsonNode::asString))
			.startsWith("Root 5", "Root 4", "Root 3");
		JsonNode newestNext = this.api.json(thread("?order=newest&limit=3&cursor=" + newest.get("next").asString()));
		assertThat(newestNext.get("comments").get(0).get("text").asString()).isEqualTo("Root 2");
		assertThat(newestNext.get("comments").get(1).get("replies").size()).isEqualTo(1);
	}

	@Test
	void aMalformedCursorLimitOrOrderIsA400NamingIt() {
		String oldestCursor = null;
		for (int i = 0; i < 2; i++) {
			this.fixtures.approvedComment(this.post, "C" + i, mail("c" + i), "C" + i);
		}
		oldestCursor = this.api.json(thread("?limit=1")).get("next").asString();

		for (String[] bad : new String[][] { { "?cursor=not-a-cursor", "cursor" }, { "?cursor=%2F%2F%2F", "cursor" },
				{ "?order=newest&cursor=" + oldestCursor, "cursor" }, { "?limit=0", "limit" }, { "?limit=201", "limit" },
				{ "?limit=ten", "limit" }, { "?limit=", "limit" }, { "?limit=1&limit=2", "limit" }, { "?order=best", "order" },
				{ "?order=oldest&order=newest", "order" } }) {
			ResponseEntity<String> response = thread(bad[0]);
			assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(this.api.json(response).get("errors").get(0).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
		}
		assertThat(thread("?limit=200").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(thread("?order=&limit=1").getStatusCode()).as("an empty order is the oldest first").isEqualTo(HttpStatus.OK);
	}

	@Test
	void countsManyPostsAtOnceCacheablyAndRefusesTooMany() {
		String other = "thread-" + UUID.randomUUID().toString().substring(0, 8);
		this.api.registerPost(other, "Other", "Tia", "tia@blog.example");
		Comment first = this.fixtures.approvedComment(this.post, "Ann", mail("ann"), "One");
		this.fixtures.approvedReply(first, "Bob", mail("bob"), "Two");
		this.fixtures.heldComment(this.post, "Cat", mail("cat"), "Not public");

		ResponseEntity<String> counts = this.api.get("/api/v1/counts?post=" + this.post + "&post=" + other + "&post=never-registered");
		assertThat(counts.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = this.api.json(counts);
		assertThat(body.get(this.post).asInt()).isEqualTo(2);
		assertThat(body.get(other).asInt()).isZero();
		assertThat(body.get("never-registered").asInt()).isZero();
		assertThat(counts.getHeaders().getCacheControl()).contains("public", "max-age=10");
		String etag = counts.getHeaders().getETag();
		String path = "/api/v1/counts?post=" + this.post + "&post=" + other + "&post=never-registered";
		assertThat(conditional(path, etag).getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);

		this.fixtures.approvedComment(other, "Dee", mail("dee"), "Three");
		ResponseEntity<String> changed = conditional(path, etag);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.api.json(changed).get(other).asInt()).isEqualTo(1);

		StringBuilder many = new StringBuilder("/api/v1/counts?post=p0");
		for (int i = 1; i <= 50; i++) {
			many.append("&post=p").append(i);
		}
		assertThat(this.api.get(many.toString()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.api.json(this.api.get("/api/v1/counts?post=a%20b")).get("errors").get(0).get("field").asString())
			.isEqualTo("post");
		assertThat(this.api.get("/api/v1/counts").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theStatusOfACommentIsNeverStored() {
		Comment held = this.fixtures.heldComment(this.post, "Eve", mail("eve"), "Hm");
		assertThat(this.api.get("/api/v1/comments/" + held.id()).getHeaders().getCacheControl()).isEqualTo("no-store");
	}

	@Test
	void theHtmlIsStoredWithTheCommentAndRowsFromBeforeAreFilledIn() {
		Comment stored = this.fixtures.approvedComment(this.post, "Fay", mail("fay"), "see https://fay.example <b>x</b>");
		assertThat(this.jdbc.sql("select html from comment where id = ?").param(stored.id().value()).query(String.class).single())
			.isEqualTo("<p>see <a href=\"https://fay.example\" rel=\"nofollow ugc noopener\">https://fay.example</a> "
					+ "&lt;b&gt;x&lt;/b&gt;</p>");

		// a row stored before the column existed: rendered on read, then filled in by the backfill
		this.jdbc.sql("update comment set html = null where id = ?").param(stored.id().value()).update();
		assertThat(this.api.json(thread("")).get("comments").get(0).get("html").asString()).contains("rel=\"nofollow ugc noopener\"");
		while (this.comments.fillMissingHtml(100) > 0) {
			// until none is left
		}
		assertThat(this.jdbc.sql("select html from comment where id = ?").param(stored.id().value()).query(String.class).single())
			.startsWith("<p>see <a href=");
	}

	@Test
	void urlsNeverEchoTheRequestsHostOrAnUntrustedForwardedHost() throws IOException {
		this.fixtures.approvedComment(this.post, "Gus", mail("gus"), "Hello");
		String honest = this.api.json(thread("")).get("comments").get(0).get("avatar").asString();
		assertThat(honest).startsWith("http://localhost:" + this.port + "/api/v1/avatars/");

		String forged = raw("GET " + threadPath("") + " HTTP/1.1\r\nHost: evil.example\r\n"
				+ "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\n"
				+ "Accept: application/json\r\nConnection: close\r\n\r\n");
		assertThat(forged).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains(honest);
	}

	@Test
	void aThreadOfAnInvalidPostIdIsA400ProblemNamingIt() {
		String tooLong = "p".repeat(101);
		ResponseEntity<String> response = this.api.get("/api/v1/posts/" + tooLong + "/comments?order=sideways");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = this.api.json(response);
		assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
		assertThat(problem.path("detail").asString()).isEqualTo("Invalid postId.");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/posts/" + tooLong + "/comments");
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("postId");
		assertThat(problem.path("errors").get(0).path("message").asString()).isEqualTo("is not a valid id");
	}

	@Test
	void aCdnKeepsItsConnectionForManyMoreReadsThanTomcatsDefaultHundred() throws IOException {
		String read = "GET " + threadPath("") + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
		String last = "GET " + threadPath("") + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
		String responses = raw(read.repeat(150) + last);
		assertThat(responses.split("HTTP/1.1 200 ", -1)).as("all 151 answered on one connection").hasSize(152);
	}

	private ResponseEntity<String> thread(String query) {
		return this.api.get(threadPath(query));
	}

	private String threadPath(String query) {
		return "/api/v1/posts/" + this.post + "/comments" + query;
	}

	private ResponseEntity<String> conditional(String path, String ifNoneMatch) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path).header("If-None-Match", ifNoneMatch)
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	private String mail(String name) {
		return name + "-" + this.post + "@mail.example";
	}

	/** A request written by hand, so no client library corrects its Host header. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

}
