package dev.moderato;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The privacy invariant, end to end: through a realistic scenario (comments, a reply, moderation, reply notification
 * with double opt-in, author mails, an admin export, an erase, a self-service request) every public HTTP response,
 * every Kafka record on every topic, every log line and every mail is captured. A commenter's email appears only in
 * mails addressed to that commenter, in moderator-only responses and in the export; the post author's address only in
 * the author's own mails.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyInvariantTests {

	static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+(/notifications/confirm/[A-Za-z0-9_.-]+)");

	static final List<String> TOPICS = List.of("comments.submitted", "comments.submitted.DLT", "comments.moderated",
			"comments.moderated.DLT");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Autowired
	GreenMail greenMail;

	@Autowired
	Comments comments;

	@Test
	void emailsAppearOnlyWhereTheyBelong(CapturedOutput output) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String post = "invariant-" + run;
		String author = "bea.author-" + run + "@blog.example";
		String carla = "Carla.Commenter-" + run + "@Mail.Example";
		String dev = "dev.replier-" + run + "@mail.example";
		Api api = new Api(this.port, this.json);
		Moderators moderator = Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD);
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		List<String> moderatorOnly = new ArrayList<>();

		// a first comment, asking to hear of replies: held, then approved by a moderator
		api.registerPost(post, "Privacy by design", "Bea", author);
		String carlas = id(api.submit(post, Map.of("authorName", "Carla", "authorEmail", carla, "text",
				"Does this keep my address private?", "notifyReplies", true)));
		awaitStored(carlas);
		moderatorOnly.add(moderator.get("/api/v1/moderation/queues/held?post=" + post).getBody());
		moderatorOnly.add(moderator.act(carlas, "approve").getBody());

		// double opt-in: Carla confirms by the link mailed to her, and only to her
		Mailbox mailbox = new Mailbox(this.greenMail);
		MimeMessage confirmation = await().atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.to(carla.toLowerCase()), m -> !m.isEmpty())
			.get(0);
		Matcher link = LINK.matcher(Mailbox.text(confirmation));
		assertThat(link.find()).isTrue();
		ResponseEntity<String> confirmed = RestClient.create("http://localhost:" + this.port).post().uri(link.group(1))
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
		assertThat(confirmed.getStatusCode().value()).isEqualTo(200);
		String publicPages = confirmed.getBody();

		// a reply by Dev: held, approved; Carla hears of it
		String devs = id(api.submit(post, Map.of("authorName", "Dev", "authorEmail", dev, "text", "It does, by design.",
				"parentId", carlas)));
		awaitStored(devs);
		moderatorOnly.add(moderator.get("/api/v1/moderation/comments/" + devs).getBody());
		moderatorOnly.add(moderator.act(devs, "approve").getBody());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> mailbox.to(carla.toLowerCase()).stream().anyMatch(m -> Mailbox.text(m).contains("It does, by design.")));

		// public reads, an admin export and erase, a self-service request
		api.get("/api/v1/posts/" + post + "/comments");
		api.get("/api/v1/comments/" + carlas);
		String export = admin.post("/api/v1/privacy/export", Map.of("email", carla)).getBody();
		assertThat(export).containsIgnoringCase(carla);
		moderatorOnly.add(admin.post("/api/v1/privacy/erase", Map.of("email", dev)).getBody());
		api.postJson("/api/v1/privacy/requests", this.json.writeValueAsString(Map.of("email", carla, "kind", "export")));
		await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(author).size() >= 3);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(carla.toLowerCase()).size() >= 3);

		String publicResponses = api.transcript() + publicPages;
		String records = records();
		String logs = output.getAll();
		assertThat(logs).as("the service's log lines were captured").contains("Comment accepted", "Mail sent");
		assertThat(moderatorOnly.toString()).as("moderators may see it").containsIgnoringCase(carla);

		for (String email : List.of(carla, dev)) {
			for (String form : forms(email)) {
				assertThat(publicResponses).as("public responses").doesNotContainIgnoringCase(form);
				assertThat(records).as("Kafka records").doesNotContainIgnoringCase(form);
				assertThat(logs).as("log lines").doesNotContainIgnoringCase(form);
				for (MimeMessage mail : mailbox.all()) {
					if (!addressedTo(mail, email)) {
						assertThat(Mailbox.raw(mail)).as("a mail to someone else").doesNotContainIgnoringCase(form);
					}
				}
			}
		}
		for (String form : forms(author)) {
			assertThat(publicResponses + moderatorOnly + export).as("responses").doesNotContainIgnoringCase(form);
			assertThat(records).as("Kafka records").doesNotContainIgnoringCase(form);
			assertThat(logs).as("log lines").doesNotContainIgnoringCase(form);
			for (MimeMessage mail : mailbox.all()) {
				if (!addressedTo(mail, author)) {
					assertThat(Mailbox.raw(mail)).as("a mail to someone else").doesNotContainIgnoringCase(form);
				}
			}
		}
	}

	private void awaitStored(String id) {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.comments.exists(CommentId.parse(id).orElseThrow()));
	}

	private String id(ResponseEntity<String> accepted) {
		assertThat(accepted.getStatusCode().value()).isEqualTo(202);
		return this.json.readTree(accepted.getBody()).get("id").asString();
	}

	private String records() {
		Topics topics = new Topics(this.consumers);
		StringBuilder all = new StringBuilder();
		for (String topic : TOPICS) {
			topics.read(topic).forEach(r -> all.append(r.key()).append(' ').append(r.value()).append('\n'));
		}
		return all.toString();
	}

	/** The address as given, normalised, and its unkeyed MD5 and SHA-256 (the reversible "hashes" others publish). */
	private static List<String> forms(String email) throws Exception {
		String normal = email.strip().toLowerCase();
		return List.of(email, normal, hex("MD5", normal), hex("SHA-256", normal));
	}

	private static String hex(String algorithm, String value) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static boolean addressedTo(MimeMessage mail, String email) {
		try {
			Address[] to = mail.getRecipients(Message.RecipientType.TO);
			if (to == null) {
				return false;
			}
			for (Address address : to) {
				if (address.toString().toLowerCase().contains(email.strip().toLowerCase())) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
