package dev.moderato.notification;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.Mailbox;
import dev.moderato.Moderators;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.awaitility.Awaitility.await;

/**
 * Commenters and a browser for the notification tests: submit, publish, read mailboxes, follow links.
 */
final class NotificationScenario {

	static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+/notifications/(unsubscribe|confirm|preferences)/[A-Za-z0-9_.-]+");

	final Api api;

	final Moderators admin;

	final Mailbox mailbox;

	final RestClient browser;

	NotificationScenario(int port, JsonMapper json, GreenMail greenMail) {
		this.api = new Api(port, json);
		this.admin = Moderators.as(port, json, Api.ADMIN, Api.ADMIN_PASSWORD);
		this.mailbox = new Mailbox(greenMail);
		this.browser = RestClient.create("http://localhost:" + port);
	}

	void act(String id, String action) {
		this.admin.act(id, action);
	}

	List<MimeMessage> awaitMails(String recipient, int count) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> this.mailbox.to(recipient), m -> m.size() >= count);
	}

	static String link(MimeMessage mail, String kind) {
		Matcher m = LINK.matcher(Mailbox.text(mail));
		while (m.find()) {
			if (m.group(1).equals(kind)) {
				return path(m.group());
			}
		}
		throw new AssertionError("No " + kind + " link in " + Mailbox.text(mail));
	}

	/** The path of a link: mails name the public address, tests call the local port. */
	static String path(String url) {
		return url.substring(url.indexOf("/notifications/")).replaceAll("[<>]", "");
	}

	ResponseEntity<String> get(String url) {
		return this.browser.get().uri(url).retrieve().onStatus(s -> true, (q, r) -> {
		}).toEntity(String.class);
	}

	/** A POST as a mail client makes it for RFC 8058 one-click unsubscribe: no cookie, no CSRF token. */
	ResponseEntity<String> oneClick(String url) {
		return post(url, "List-Unsubscribe=One-Click");
	}

	ResponseEntity<String> post(String url, String formBody) {
		return this.browser.post().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(formBody).retrieve()
			.onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	static String header(MimeMessage mail, String name) {
		try {
			String[] values = mail.getHeader(name);
			return values == null ? null : String.join(",", values);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
