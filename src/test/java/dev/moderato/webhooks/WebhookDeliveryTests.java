package dev.moderato.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.sites.Site;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A site's webhooks against a real HTTP receiver: signed calls for held, published and decided comments without the
 * commenter's email or address, retries until the receiver answers, failures kept for admins and replayed, a
 * redelivered event sent once, and the admin API's rules.
 */
@IntegrationTest
class WebhookDeliveryTests {

	static Receiver receiver;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Sites sites;

	@Autowired
	Posts posts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	WebhookEvents events;

	Api api;

	Moderators admin;

	String siteId;

	String postId;

	@BeforeAll
	static void startReceiver() throws Exception {
		receiver = new Receiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@BeforeEach
	void aSiteWithAPost() {
		this.api = new Api(this.port, this.json);
		this.admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.siteId = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
		String origin = "https://" + this.siteId + ".example";
		this.sites.save(new Site(new SiteId(this.siteId), "Film notes", List.of(origin), List.of(origin + "/"), null, null,
				false, null));
		this.postId = this.siteId + "-review";
		this.posts.register(new Post(new PostId(this.postId), new SiteId(this.siteId), "Paris, Texas (1984)",
				origin + "/reviews/paris-texas/", "Ada", "ada@" + this.siteId + ".example"));
	}

	@AfterEach
	void deleteTheSitesWebhooks() {
		for (JsonNode webhook : this.admin.json(this.admin.get(webhooks())).get("items")) {
			this.admin.delete(webhooks() + "/" + webhook.get("id").asString());
		}
	}

	@Test
	void aHeldCommentAndItsApprovalAreSignedCallsWithoutTheCommentersEmailOrAddress() throws Exception {
		String path = "/all-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 204), "comment.published", "comment.held",
				"comment.decided");
		String secret = webhook.get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		String email = "rhea-" + this.siteId + "@mail.example";

		String commentId = submit("Rhea", email, "Lovely film, thanks!\n\nThe diner scene stays with me.");

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.to(path).size() == 1);
		Receiver.Request held = receiver.to(path).get(0);
		assertThat(held.header("Content-Type")).isEqualTo("application/json");
		assertThat(held.header("Moderato-Event")).isEqualTo("comment.held");
		assertThat(UUID.fromString(held.header("Moderato-Delivery"))).isNotNull();
		assertSignedWith(secret, held);
		JsonNode payload = this.json.readTree(held.body());
		assertThat(payload.get("type").asString()).isEqualTo("comment.held");
		assertThat(UUID.fromString(payload.get("id").asString())).isNotNull();
		assertThat(payload.get("createdAt").asString()).isNotBlank();
		assertThat(payload.get("site").get("id").asString()).isEqualTo(this.siteId);
		assertThat(payload.get("post").get("id").asString()).isEqualTo(this.postId);
		assertThat(payload.get("post").get("title").asString()).isEqualTo("Paris, Texas (1984)");
		JsonNode comment = payload.get("comment");
		assertThat(fieldNames(comment)).containsExactlyInAnyOrder("id", "parentId", "authorName", "html", "status",
				"previousStatus", "permalink", "submittedAt");
		assertThat(comment.get("id").asString()).isEqualTo(commentId);
		assertThat(comment.get("status").asString()).isEqualTo("held");
		assertThat(comment.get("authorName").asString()).isEqualTo("Rhea");
		assertThat(comment.get("html").asString())
			.isEqualTo("<p>Lovely film, thanks!</p><p>The diner scene stays with me.</p>");
		assertThat(comment.get("permalink").asString())
			.isEqualTo("https://" + this.siteId + ".example/reviews/paris-texas/#comment-" + commentId);
		assertThat(held.body()).doesNotContain(email, "127.0.0.1", "mail.example", "ip", "Hash", "hash");

		assertThat(Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD)
			.act(commentId, "approve").getStatusCode().value()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.to(path).size() == 3);
		Map<String, JsonNode> byType = receiver.to(path).stream()
			.collect(Collectors.toMap(r -> r.header("Moderato-Event"), r -> this.json.readTree(r.body())));
		assertThat(byType).containsOnlyKeys("comment.held", "comment.published", "comment.decided");
		assertThat(byType.get("comment.published").get("comment").get("status").asString()).isEqualTo("approved");
		assertThat(byType.get("comment.decided").get("comment").get("previousStatus").asString()).isEqualTo("held");
		receiver.to(path).forEach(request -> assertSignedWith(secret, request));
		assertThat(receiver.to(path)).allSatisfy(r -> assertThat(r.body()).doesNotContain(email));
		await().atMost(Duration.ofSeconds(10)).until(() -> states(webhook).equals(List.of("delivered", "delivered",
				"delivered")));
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheEventOnceItAnswers() {
		String path = "/flaky-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 500, 500, 200), "comment.held");
		double delivered = counted("delivered");

		submit("Flo", "flo-" + this.siteId + "@mail.example", "Third time lucky.");

		await().atMost(Duration.ofSeconds(30)).until(() -> states(webhook).equals(List.of("delivered")));
		assertThat(receiver.to(path)).hasSize(3);
		assertThat(receiver.to(path).stream().map(r -> r.header("Moderato-Delivery")).distinct())
			.as("one delivery, tried three times").hasSize(1);
		JsonNode item = deliveries(webhook, null).get(0);
		assertThat(item.get("attempts").asInt()).isEqualTo(3);
		assertThat(item.get("lastStatusCode").asInt()).isEqualTo(200);
		assertThat(counted("delivered")).isEqualTo(delivered + 1);
	}

	@Test
	void aDeliveryThatNeverSucceedsIsKeptAsFailedForAdminsAndAReplayDeliversIt() {
		String path = "/down-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 503), "comment.held");
		double failed = counted("failed");

		submit("Dora", "dora-" + this.siteId + "@mail.example", "Nobody is listening.");

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(webhook, "failed").size() == 1);
		JsonNode item = deliveries(webhook, "failed").get(0);
		assertThat(item.get("attempts").asInt()).isEqualTo(8);
		assertThat(item.get("lastStatusCode").asInt()).isEqualTo(503);
		assertThat(item.get("lastError").asString()).isEqualTo("HTTP 503");
		assertThat(receiver.to(path)).hasSize(8);
		assertThat(counted("failed")).isEqualTo(failed + 1);

		receiver.answering(path, 200);
		ResponseEntity<String> replay = this.admin.post(webhooks() + "/" + webhook.get("id").asString() + "/deliveries/"
				+ item.get("id").asString() + "/replay");
		assertThat(replay.getStatusCode().value()).isEqualTo(202);

		await().atMost(Duration.ofSeconds(30)).until(() -> states(webhook).equals(List.of("delivered")));
		assertThat(receiver.to(path)).hasSize(9);
		assertThat(deliveries(webhook, "failed")).isEmpty();
	}

	@Test
	void aDeliveryNotYetSentAfterItsCommenterWasErasedCarriesNothingOfThem() {
		String path = "/erased-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 503), "comment.held");
		String email = "erin-" + this.siteId + "@mail.example";
		submit("Erin Unforgettable", email, "Words to be forgotten " + this.siteId);
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(webhook, "failed").size() == 1);

		assertThat(this.admin.post("/api/v1/privacy/erase", Map.of("email", email, "removeText", true))
			.getStatusCode().value()).isEqualTo(200);
		receiver.answering(path, 200);
		this.admin.post(webhooks() + "/" + webhook.get("id").asString() + "/deliveries/"
				+ deliveries(webhook, "failed").get(0).get("id").asString() + "/replay");

		await().atMost(Duration.ofSeconds(30)).until(() -> states(webhook).equals(List.of("delivered")));
		List<Receiver.Request> calls = receiver.to(path);
		JsonNode comment = this.json.readTree(calls.get(calls.size() - 1).body()).get("comment");
		assertThat(comment.get("authorName").asString()).isEqualTo("deleted");
		assertThat(comment.get("html").asString()).isEqualTo("<p>[deleted]</p>");
		assertThat(calls.get(calls.size() - 1).body()).doesNotContain("Erin", "forgotten", email);
	}

	@Test
	void aRedeliveredEventCallsTheReceiverNoMoreThanOnce() {
		String path = "/once-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 200), "comment.held");
		String commentId = submit("Otto", "otto-" + this.siteId + "@mail.example", "Say it once.");
		await().atMost(Duration.ofSeconds(30)).until(() -> states(webhook).equals(List.of("delivered")));
		UUID sourceEvent = this.jdbc.sql("select source_event_id from webhook_delivery where comment_id = ?")
			.param(UUID.fromString(commentId)).query(UUID.class).single();

		// Kafka hands the listener the same event again (a redelivery after a crash)
		WebhookEvents listener = AopTestUtils.getUltimateTargetObject(this.events);
		listener.on(new CommentModerated(CommentModerated.VERSION, sourceEvent, UUID.fromString(commentId),
				this.postId, null, "held", "pending", 0.3, List.of("first comment"), "engine", "engine", "Otto", null,
				"Say it once.", Instant.now()));

		assertThat(deliveries(webhook, null)).hasSize(1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> receiver.to(path).size() == 1);
	}

	@Test
	void aWebhookGetsNoEventThatOccurredBeforeItWasRegistered() {
		JsonNode webhook = register(receiver.answering("/later-" + this.siteId, 200), "comment.held");
		// comments.moderated read again from its start (a new consumer group): an hour-old verdict
		this.events.on(new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), this.postId,
				null, "held", "pending", 0.3, List.of("first comment"), "engine", "engine", "Old", null, "Long ago.",
				Instant.now().minus(Duration.ofHours(1))));
		assertThat(deliveries(webhook, null)).isEmpty();
	}

	@Test
	void aRotatedSecretSignsTheNextCallAndTheOldOneNoLonger() {
		String path = "/rotated-" + this.siteId;
		JsonNode webhook = register(receiver.answering(path, 200), "comment.held");
		String old = webhook.get("secret").asString();

		ResponseEntity<String> rotated = this.admin.post(webhooks() + "/" + webhook.get("id").asString() + "/rotate-secret");
		assertThat(rotated.getStatusCode().value()).isEqualTo(200);
		String secret = this.admin.json(rotated).get("secret").asString();
		assertThat(secret).startsWith("whsec_").isNotEqualTo(old);
		submit("Rosa", "rosa-" + this.siteId + "@mail.example", "Signed anew.");

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.to(path).size() == 1);
		assertSignedWith(secret, receiver.to(path).get(0));
		assertThat(signature(old, receiver.to(path).get(0))).isNotEqualTo(v1(receiver.to(path).get(0)));
	}

	@Test
	void registrationNamesWhatIsWrongAndTheSecretIsShownOnlyOnce() {
		ResponseEntity<String> created = this.admin.post(webhooks(), Map.of("url", "https://hooks.example/moderato",
				"events", List.of("comment.published"), "description", "Rebuild the static site"));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		String id = this.admin.json(created).get("id").asString();
		assertThat(created.getHeaders().getLocation()).hasPath(webhooks() + "/" + id);

		ResponseEntity<String> list = this.admin.get(webhooks());
		assertThat(list.getBody()).contains(id, "Rebuild the static site").doesNotContain("whsec_", "secret\"");
		assertThat(this.admin.get(webhooks() + "/" + id).getBody()).doesNotContain("whsec_");

		assertInvalid(Map.of("url", "https://hooks.example/", "events", List.of("comment.liked")), "events");
		assertInvalid(Map.of("url", "https://hooks.example/", "events", List.of()), "events");
		assertInvalid(Map.of("events", List.of("comment.held")), "url");
		assertInvalid(Map.of("url", "ftp://hooks.example/", "events", List.of("comment.held")), "url");
		assertInvalid(Map.of("url", "https://user:password@hooks.example/", "events", List.of("comment.held")), "url");

		ResponseEntity<String> unknownSite = this.admin.post("/api/v1/sites/no-such-site/webhooks",
				Map.of("url", "https://hooks.example/", "events", List.of("comment.held")));
		assertThat(unknownSite.getStatusCode().value()).isEqualTo(404);
		assertThat(this.admin.json(unknownSite).get("title").asString()).isEqualTo("Unknown site");
		assertThat(this.admin.get("/api/v1/sites/no-such-site/webhooks").getStatusCode().value()).isEqualTo(404);
		assertThat(this.admin.get(webhooks() + "/" + id + "/deliveries?state=lost").getStatusCode().value()).isEqualTo(400);
		assertThat(this.admin.post(webhooks() + "/" + id + "/deliveries/" + UUID.randomUUID() + "/replay")
			.getStatusCode().value()).isEqualTo(404);

		assertThat(this.admin.delete(webhooks() + "/" + id).getStatusCode().value()).isEqualTo(204);
		assertThat(this.admin.get(webhooks() + "/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.admin.delete(webhooks() + "/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.admin.post(webhooks() + "/not-a-uuid/rotate-secret").getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void onlyAdminsManageWebhooks() {
		Map<String, Object> form = Map.of("url", "https://hooks.example/", "events", List.of("comment.held"));
		Moderators anonymous = Moderators.anonymous(this.port, this.json);
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);

		assertThat(anonymous.get(webhooks()).getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.post(webhooks(), form).getStatusCode().value()).isEqualTo(401);
		assertThat(moderator.get(webhooks()).getStatusCode().value()).isEqualTo(403);
		assertThat(moderator.post(webhooks(), form).getStatusCode().value()).isEqualTo(403);
		assertThat(moderator.delete(webhooks() + "/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(403);
		assertThat(this.admin.get(webhooks()).getStatusCode().value()).isEqualTo(200);
	}

	private String webhooks() {
		return "/api/v1/sites/" + this.siteId + "/webhooks";
	}

	private JsonNode register(String url, String... types) {
		ResponseEntity<String> created = this.admin.post(webhooks(), Map.of("url", url, "events", List.of(types)));
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		return this.admin.json(created);
	}

	private void assertInvalid(Map<String, Object> form, String field) {
		ResponseEntity<String> response = this.admin.post(webhooks(), form);
		assertThat(response.getStatusCode().value()).as(form.toString()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(this.admin.json(response).get("errors").findValuesAsString("field")).contains(field);
	}

	private String submit(String name, String email, String text) {
		ResponseEntity<String> response = this.api.submit(this.postId,
				Map.of("authorName", name, "authorEmail", email, "text", text));
		assertThat(response.getStatusCode().value()).isEqualTo(202);
		return this.api.json(response).get("id").asString();
	}

	private List<JsonNode> deliveries(JsonNode webhook, String state) {
		String query = state == null ? "" : "?state=" + state;
		ResponseEntity<String> response = this.admin.get(webhooks() + "/" + webhook.get("id").asString() + "/deliveries" + query);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return this.admin.json(response).get("items").valueStream().toList();
	}

	private List<String> states(JsonNode webhook) {
		return deliveries(webhook, null).stream().map(d -> d.get("state").asString()).toList();
	}

	private double counted(String outcome) {
		return this.meters.counter("moderato.webhooks.deliveries", "outcome", outcome).count();
	}

	private static Set<String> fieldNames(JsonNode node) {
		return node.propertyNames().stream().collect(Collectors.toSet());
	}

	/** What a receiver does: recompute the HMAC over "t.body" and compare; the timestamp must be recent. */
	private static void assertSignedWith(String secret, Receiver.Request request) {
		String header = request.header("Moderato-Signature");
		assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
		long t = Long.parseLong(header.substring(2, header.indexOf(',')));
		assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
		assertThat(v1(request)).isEqualTo(signature(secret, request));
	}

	private static String v1(Receiver.Request request) {
		String header = request.header("Moderato-Signature");
		return header.substring(header.indexOf("v1=") + 3);
	}

	private static String signature(String secret, Receiver.Request request) {
		try {
			String header = request.header("Moderato-Signature");
			String t = header.substring(2, header.indexOf(','));
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
