package dev.moderato.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every link a mail carries (approve / spam / reject, unsubscribe and {@code List-Unsubscribe}, privacy confirmation)
 * starts with the address the service is reached at: in the tests and the dev run, the port it really listens on.
 */
@IntegrationTest
class MailLinksTests {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Test
	void everyLinkInTheAuthorsAndTheCommentersMailPointsAtThePortTheServiceListensOn() {
		Api api = new Api(this.port, this.json);
		String postId = "mail-links-" + UUID.randomUUID().toString().substring(0, 8);
		String author = "au-" + postId + "@blog.example";
		String commenter = "co-" + postId + "@mail.example";
		api.registerPost(postId, "Links", "Au", author);
		assertThat(api.submit(postId, Map.of("authorName", "Co", "authorEmail", commenter, "text", "Held for review."))
			.getStatusCode().value()).isEqualTo(202);
		assertThat(api.postJson("/api/v1/privacy/requests", "{\"email\": \"" + commenter + "\", \"kind\": \"export\"}")
			.getStatusCode().is2xxSuccessful()).isTrue();
		Mailbox mailbox = new Mailbox(this.greenMail);
		MimeMessage held = await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.to(author), m -> !m.isEmpty()).get(0);
		MimeMessage confirmation = await().atMost(Duration.ofSeconds(20))
			.until(() -> mailbox.to(commenter), m -> !m.isEmpty())
			.get(0);

		List<String> links = new ArrayList<>(links(Mailbox.raw(held)));
		links.addAll(links(Mailbox.raw(confirmation)));
		String base = "http://localhost:" + this.port + "/";
		assertThat(links).as("links in the mails").isNotEmpty()
			.anyMatch(l -> l.contains("/moderation/links/"))
			.anyMatch(l -> l.contains("/privacy/confirm/"))
			.allSatisfy(link -> assertThat(link).startsWith(base));
		RestClient browser = RestClient.create();
		String approve = links.stream().filter(l -> l.contains("/moderation/links/")).findFirst().orElseThrow();
		ResponseEntity<String> page = browser.get().uri(approve).retrieve().toEntity(String.class);
		assertThat(page.getStatusCode().value()).as("the approve link opens its page").isEqualTo(200);
	}

	private static List<String> links(String raw) {
		String unfolded = raw.replaceAll("=\r?\n", "").replace("=3D", "=");
		List<String> links = new ArrayList<>();
		Matcher url = URL.matcher(unfolded);
		while (url.find()) {
			String link = url.group();
			if (link.contains("/moderation/links/") || link.contains("/notifications/") || link.contains("/privacy/")) {
				links.add(link);
			}
		}
		return links;
	}

}
