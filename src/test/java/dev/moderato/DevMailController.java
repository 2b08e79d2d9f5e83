package dev.moderato;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev run's mail catcher: {@code /dev/mail} lists every message GreenMail received, newest first, as a page for
 * people and as JSON ({@code /dev/mail.json}). The page shows each mail as its recipient sees it: the HTML part in a
 * sandboxed frame (no scripts, no access to this page; links open in a new tab), the plain-text part below it. Only
 * in src/test: never in the production jar.
 */
@RestController
class DevMailController {

	private static final Pattern URL = Pattern.compile("https?://(?:(?!&quot;|&lt;|&gt;|&#39;)\\S)+");

	private final GreenMail greenMail;

	DevMailController(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	@GetMapping(path = "/dev/mail.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> json() throws Exception {
		List<Map<String, String>> mails = new ArrayList<>();
		for (StoredMessage stored : newestFirst()) {
			MimeMessage message = stored.getMimeMessage();
			Map<String, String> mail = new LinkedHashMap<>();
			mail.put("to", addresses(message.getAllRecipients()));
			mail.put("from", addresses(message.getFrom()));
			mail.put("subject", String.valueOf(message.getSubject()));
			mail.put("receivedAt", stored.getReceivedDate().toInstant().toString());
			mail.put("text", plainText(message));
			mail.put("html", html(message));
			mails.add(mail);
		}
		return mails;
	}

	@GetMapping(path = "/dev/mail", produces = MediaType.TEXT_HTML_VALUE)
	String page() throws Exception {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Moderato dev mail</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<style>body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}
				article{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}
				pre{white-space:pre-wrap;overflow-wrap:anywhere}h2{overflow-wrap:anywhere}
				iframe{width:100%;height:28em;border:1px solid #eee;resize:vertical}
				.meta{color:#555;font-size:.9em;overflow-wrap:anywhere}</style></head><body><h1>Mail caught by the dev run</h1>
				""");
		List<StoredMessage> messages = newestFirst();
		html.append("<p>").append(messages.size())
			.append(" message(s), newest first. JSON: <a href=\"/dev/mail.json\">/dev/mail.json</a></p>");
		for (StoredMessage stored : messages) {
			MimeMessage message = stored.getMimeMessage();
			html.append("<article><div class=\"meta\">To: ").append(HtmlUtils.htmlEscape(addresses(message.getAllRecipients())))
				.append("<br>From: ").append(HtmlUtils.htmlEscape(addresses(message.getFrom())))
				.append("<br>Received: ").append(stored.getReceivedDate().toInstant())
				.append("</div><h2>").append(HtmlUtils.htmlEscape(String.valueOf(message.getSubject()))).append("</h2>");
			String body = html(message);
			if (!body.isEmpty()) {
				// sandboxed (no allow-scripts, no allow-same-origin): the mail's HTML cannot run code or reach this page
				html.append("<iframe title=\"HTML part\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
					.append(HtmlUtils.htmlEscape("<base target=\"_blank\"><style>body{overflow-wrap:anywhere}</style>" + body))
					.append("\"></iframe><details><summary>Plain text</summary>");
			}
			html.append("<pre>").append(linked(HtmlUtils.htmlEscape(plainText(message)))).append("</pre>");
			html.append(body.isEmpty() ? "</article>" : "</details></article>");
		}
		return html.append("</body></html>").toString();
	}

	/** Every message, most recently received first (GreenMail keeps them per mailbox, not in arrival order). */
	private List<StoredMessage> newestFirst() {
		List<StoredMessage> messages = new ArrayList<>(this.greenMail.getManagers().getImapHostManager().getAllMessages());
		messages.sort(Comparator.comparing(StoredMessage::getReceivedDate).reversed());
		return messages;
	}

	/** Escaped text with its http(s) addresses as links. */
	private static String linked(String escaped) {
		return URL.matcher(escaped).replaceAll(m -> Matcher.quoteReplacement(
				"<a href=\"" + m.group() + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + m.group() + "</a>"));
	}

	static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = html(multipart.getBodyPart(i));
				if (!html.isEmpty()) {
					return html;
				}
			}
		}
		return "";
	}

	private static String addresses(Address[] addresses) {
		return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Address::toString).toList());
	}

	static String plainText(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (!text.isEmpty()) {
					return text;
				}
			}
		}
		return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : "";
	}

}
