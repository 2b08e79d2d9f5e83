package dev.moderato.gdpr;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commenter's own export and erase: asked for with the address, confirmed through the link mailed to it.
 */
@IntegrationTest
class SelfServiceTests {

	private static final Pattern LINK = Pattern.compile("/privacy/confirm/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Comments comments;

	@Autowired
	CommenterPrivacy privacy;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcClient jdbc;

	@Test
	void answersEveryAddressAlikeAndMailsTheLinkToTheAddressOnly() throws Exception {
		Api api = new Api(this.port, this.json);
		String known = address("kim");
		String unknown = address("nobody");
		new CommentFixtures(this.comments, this.privacy).approvedComment(post(api), "Kim", known, "Hello");

		ResponseEntity<String> forKnown = request(api, known, "erase");
		ResponseEntity<String> forUnknown = request(api, unknown, "erase");
		ResponseEntity<String> again = request(api, known, "export");

		for (ResponseEntity<String> response : List.of(forKnown, forUnknown, again)) {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			assertThat(response.getBody()).isEqualTo(forKnown.getBody()).doesNotContain(known).doesNotContain(unknown);
		}
		MimeMessage mail = awaitMail(known);
		awaitMail(unknown);
		assertThat(requestsFrom(known)).as("a second request within the hour is dropped").isEqualTo(1);

		String headers = Mailbox.raw(mail).split("\r?\n\r?\n", 2)[0];
		assertThat(mail.getSubject()).isEqualTo("Confirm erasing your data");
		assertThat(mail.getContentType()).startsWith("multipart/");
		assertThat(headers).doesNotContain("Kim").doesNotContain(this.privacy.hash(known).value());
		assertThat(Mailbox.text(mail)).contains("/privacy/confirm/").contains("expires in 24 hours");
	}

	@Test
	void confirmedLinkErasesOnceAndOpeningItChangesNothing() throws Exception {
		Api api = new Api(this.port, this.json);
		String lee = address("lee");
		Comment comment = new CommentFixtures(this.comments, this.privacy).approvedComment(post(api), "Lee", lee, "Mine");
		request(api, lee, "erase");
		String token = token(awaitMail(lee));

		ResponseEntity<String> page = api.get("/privacy/confirm/" + token);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Erase your data?").contains("<form method=\"post\"");
		assertThat(this.comments.find(comment.id()).orElseThrow().author().name()).as("opening changes nothing")
			.isEqualTo("Lee");

		ResponseEntity<String> done = confirm(api, token);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(done.getBody()).contains("Erased");
		Comment erased = this.comments.find(comment.id()).orElseThrow();
		assertThat(erased.author().name()).isEqualTo("deleted");
		assertThat(erased.text()).isEqualTo("Mine");
		assertThat(this.comments.byCommenter(this.privacy.hash(lee))).isEmpty();

		assertThat(confirm(api, token).getStatusCode()).as("works once").isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void confirmedExportShowsTheCommentersData() throws Exception {
		Api api = new Api(this.port, this.json);
		String max = address("max");
		Comment comment = new CommentFixtures(this.comments, this.privacy).approvedComment(post(api), "Max", max,
				"Say <b>hi</b>");
		request(api, max, "export");
		MimeMessage mail = awaitMail(max);
		assertThat(mail.getSubject()).isEqualTo("Confirm your data export");

		ResponseEntity<String> done = confirm(api, token(mail));

		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
		Matcher pre = Pattern.compile("<pre id=\"export\">(.*)</pre>", Pattern.DOTALL).matcher(done.getBody());
		assertThat(pre.find()).isTrue();
		JsonNode export = this.json.readTree(HtmlUtils.htmlUnescape(pre.group(1)));
		assertThat(export.get("email").asString()).isEqualTo(max);
		assertThat(export.get("comments").get(0).get("id").asString()).isEqualTo(comment.id().toString());
		assertThat(export.get("comments").get(0).get("text").asString()).isEqualTo("Say <b>hi</b>");
		assertThat(done.getBody()).as("escaped on the page").doesNotContain("<b>hi</b>");
	}

	@Test
	void tamperedLinksAndBadRequestsAreRefused() {
		Api api = new Api(this.port, this.json);
		assertThat(api.get("/privacy/confirm/bm90LWEtdG9rZW4.c2ln").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(confirm(api, "garbage").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.postJson("/api/v1/privacy/requests", "{\"email\": \"a@example.org\", \"kind\": \"delete\"}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(api.postJson("/api/v1/privacy/requests", "{\"email\": \"broken@\", \"kind\": \"export\"}")
			.getBody()).doesNotContain("broken@");
	}

	private ResponseEntity<String> request(Api api, String email, String kind) {
		return api.postJson("/api/v1/privacy/requests", this.json.writeValueAsString(Map.of("email", email, "kind", kind)));
	}

	private static ResponseEntity<String> confirm(Api api, String token) {
		return api.post("/privacy/confirm/" + token, MediaType.APPLICATION_FORM_URLENCODED, "");
	}

	private MimeMessage awaitMail(String to) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> new Mailbox(this.greenMail).to(to), m -> !m.isEmpty())
			.get(0);
	}

	private static String token(MimeMessage mail) {
		Matcher matcher = LINK.matcher(Mailbox.text(mail));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private int requestsFrom(String email) {
		return this.jdbc.sql("select count(*) from privacy_request where email_hash = ?")
			.param(this.privacy.hash(email).value())
			.query(Integer.class)
			.single();
	}

	private static String address(String name) {
		return name + "." + UUID.randomUUID() + "@example.org";
	}

	private static String post(Api api) {
		String post = "self-" + UUID.randomUUID().toString().substring(0, 8);
		api.registerPost(post, "Mine", "Mo", "mo@blog.example");
		return post;
	}

}
