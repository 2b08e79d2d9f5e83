package dev.moderato.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing a commenter or an admin typed can add a mail header: CR/LF in a commenter's name or a post's title (set
 * directly, as the API refuses it), Unicode names. Names are shown in the body only, escaped in HTML.
 */
@IntegrationTest
class MailHeaderInjectionTests {

	static final List<String> INJECTED = List.of("Bcc", "Cc", "X-Injected", "Reply-To");

	@Autowired
	Posts posts;

	@Autowired
	AuthorNotifications authors;

	@Autowired
	GreenMail greenMail;

	@Test
	void crLfInACommentersNameAddsNoHeaderAndTheNameIsEscapedInTheBody() throws Exception {
		String author = post("A calm title");
		String name = "Eve\r\nBcc: victim@evil.example\r\nX-Injected: yes\n\n<b>bold</b>";

		MimeMessage mail = notify(author, name);

		assertNoInjectedHeaders(mail);
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(author);
		assertThat(mail.getSubject()).isEqualTo("New comment on \"A calm title\"");
		assertThat(html(mail)).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
		assertThat(Mailbox.text(mail)).contains("Eve", "victim@evil.example");
	}

	@Test
	void crLfInAPostTitleAddsNoHeader() throws Exception {
		String author = post("Title\r\nBcc: victim@evil.example\r\nX-Injected: yes");

		MimeMessage mail = notify(author, "Ann");

		assertNoInjectedHeaders(mail);
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(author);
		assertThat(mail.getSubject()).doesNotContain("\r", "\n").startsWith("New comment on \"Title");
	}

	@Test
	void unicodeNamesAndTitlesTravelIntactAndEncoded() throws Exception {
		String author = post("Crème brûlée \u2028 und Käse 🧀");
		String name = "Zoë 李雷 \u202Egnp.exe 🙂";

		MimeMessage mail = notify(author, name);

		assertNoInjectedHeaders(mail);
		assertThat(mail.getSubject()).isEqualTo("New comment on \"Crème brûlée   und Käse 🧀\"");
		assertThat(Arrays.toString(mail.getHeader("Subject"))).as("RFC 2047 encoded").startsWith("[=?UTF-8?");
		assertThat(Mailbox.text(mail)).contains("Zoë 李雷");
		assertThat(html(mail)).contains("Zoë 李雷");
	}

	private String post(String title) {
		String id = "inject-" + UUID.randomUUID().toString().substring(0, 8);
		String author = "author-" + id + "@blog.example";
		this.posts.register(new Post(new PostId(id), title, "https://blog.example/" + id, "Ina", author));
		return author;
	}

	private MimeMessage notify(String author, String commenterName) {
		String postId = this.posts.find(new PostId(author.substring("author-".length(), author.indexOf('@'))))
			.orElseThrow().id().value();
		this.authors.on(new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), postId, null,
				"approved", "pending", 0.01, List.of(), "engine", "engine", commenterName, null, "Nice post", Instant.now()));
		return await().atMost(Duration.ofSeconds(20)).until(() -> new Mailbox(this.greenMail).to(author), m -> m.size() == 1)
			.get(0);
	}

	private static void assertNoInjectedHeaders(MimeMessage mail) throws Exception {
		for (String header : INJECTED) {
			assertThat(mail.getHeader(header)).as(header).isNull();
		}
		assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
		assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
		for (Header header : java.util.Collections.list(mail.getAllHeaders())) {
			if (!"Subject".equals(header.getName())) { // the title's text stays in the subject, on one line
				assertThat(header.getValue()).as(header.getName()).doesNotContain("evil.example");
			}
		}
		assertThat(mail.getSubject()).doesNotContain("\r", "\n");
	}

	private static String html(MimeMessage mail) throws Exception {
		return html((MimeMultipart) mail.getContent());
	}

	private static String html(MimeMultipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.isMimeType("text/html")) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof MimeMultipart nested) {
				String found = html(nested);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
