package dev.moderato;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A commenter's email is never published: across a whole flow it appears in no public response, no Kafka record, no
 * log line and no mail to anyone else. Neither does a plain (unkeyed) hash of it, nor the full client address.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PrivacyTests {

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

	@Autowired
	CommenterPrivacy privacy;

	@Test
	void commenterEmailAppearsNowhereOutsideTheService(CapturedOutput output) throws Exception {
		Api api = new Api(this.port, this.json);
		Topics topics = new Topics(this.consumers);
		Mailbox mailbox = new Mailbox(this.greenMail);
		String authorEmail = "privacy-author@blog.example";
		String returning = "Ret.Urning+blog@Private.Example";
		String firstTimer = "first.timer@private.example";
		api.registerPost("privacy-post", "Privacy matters", "Pia", authorEmail);
		var earlier = new CommentFixtures(this.comments, this.privacy).approvedComment("privacy-post", "Ret", returning, "Hello");

		api.submit("privacy-post", Map.of("authorName", "Ret", "authorEmail", returning, "text", "Published reply",
				"parentId", earlier.id().toString(), "notifyReplies", true));
		api.submit("privacy-post", Map.of("authorName", "First", "authorEmail", firstTimer, "text", "Held comment"));
		api.submit("privacy-post", Map.of("authorName", "Bad", "authorEmail", firstTimer, "text", "")); // 400
		api.submit("privacy-post", Map.of("authorName", "Bad", "authorEmail", "broken@", "text", "x")); // 400
		List<MimeMessage> mails = await().atMost(Duration.ofSeconds(20))
			.until(() -> mailbox.to(authorEmail), m -> m.size() == 2);
		api.get("/api/v1/posts/privacy-post/comments");

		String responses = api.transcript();
		String records = records(topics);
		String logs = output.getAll();
		assertThat(logs).as("the service's own log lines were captured").contains("Comment accepted", "Mail sent");
		String authorMail = String.join("\n", mails.stream().map(Mailbox::raw).toList());
		for (String email : List.of(returning, firstTimer)) {
			for (String form : List.of(email, email.toLowerCase(), md5(email.toLowerCase()), sha256(email.toLowerCase()))) {
				assertThat(responses).as("public responses").doesNotContainIgnoringCase(form);
				assertThat(records).as("Kafka records").doesNotContainIgnoringCase(form);
				assertThat(logs).as("log lines").doesNotContainIgnoringCase(form);
				assertThat(authorMail).as("mail to the author").doesNotContainIgnoringCase(form);
			}
		}
		assertThat(responses).doesNotContain("broken@");
		assertThat(records).as("client address in Kafka records").doesNotContain("127.0.0.1").contains("127.0.0.0/24");
		assertThat(responses).as("keyed hash in public responses").doesNotContain(this.privacy.hash(returning).value());
	}

	private static String records(Topics topics) {
		StringBuilder all = new StringBuilder();
		for (String topic : List.of("comments.submitted", "comments.moderated", "comments.submitted.DLT", "comments.moderated.DLT")) {
			for (ConsumerRecord<String, String> record : topics.read(topic)) {
				all.append(record.key()).append(' ').append(record.value()).append('\n');
				record.headers().forEach(h -> all.append(new String(h.value(), StandardCharsets.UTF_8)).append('\n'));
			}
		}
		return all.toString();
	}

	private static String md5(String value) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
