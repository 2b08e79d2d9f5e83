package dev.moderato;

import java.time.Duration;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dev run's mail page shows each mail as its recipient sees it (the HTML part, sandboxed, links clickable), newest
 * first, with long addresses wrapping.
 */
@IntegrationTest
class DevMailPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JavaMailSender sender;

	@Autowired
	GreenMail greenMail;

	@Test
	void showsTheHtmlPartSandboxedWithClickableLinksNewestFirst() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String recipient = "dev-mail-" + run + "@blog.example";
		String longUrl = "https://blog.example/links/confirm/" + "x".repeat(300) + "?run=" + run;
		send(recipient, "Older " + run, "<p>Open <a href=\"" + longUrl + "\">the link</a></p><script>alert(1)</script>",
				"Open " + longUrl);
		send(recipient, "Newer " + run, "<p>Second</p>", "Second");
		Api api = new Api(this.port, this.json);

		String page = api.get("/dev/mail").getBody();

		assertThat(page.indexOf("Newer " + run)).as("newest first").isPositive().isLessThan(page.indexOf("Older " + run));
		String older = page.substring(page.indexOf("Older " + run));
		assertThat(older).contains("<iframe title=\"HTML part\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
			.contains("&lt;a href=&quot;" + longUrl + "&quot;&gt;the link&lt;/a&gt;")
			.contains("&lt;base target=&quot;_blank&quot;&gt;")
			.contains("<a href=\"" + longUrl + "\" target=\"_blank\" rel=\"noopener noreferrer\">");
		assertThat(older.substring(0, older.indexOf("</iframe>"))).as("the mail's markup stays inside the frame")
			.doesNotContain("<script>").doesNotContain("<a href=");
		assertThat(page).contains("overflow-wrap:anywhere");

		JsonNode mails = api.json(api.get("/dev/mail.json"));
		int newer = -1;
		int old = -1;
		for (int i = 0; i < mails.size(); i++) {
			String subject = mails.get(i).get("subject").asString();
			newer = subject.equals("Newer " + run) ? i : newer;
			old = subject.equals("Older " + run) ? i : old;
		}
		assertThat(newer).isNotNegative().isLessThan(old);
		assertThat(mails.get(old).get("html").asString()).contains(longUrl);
	}

	private void send(String to, String subject, String html, String text) throws Exception {
		MimeMessage message = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom("moderato@localhost");
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(text, html);
		int before = new Mailbox(this.greenMail).to(to).size();
		this.sender.send(message);
		await().atMost(Duration.ofSeconds(10)).until(() -> new Mailbox(this.greenMail).to(to).size() == before + 1);
	}

}
