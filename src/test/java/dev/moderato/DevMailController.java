package dev.moderato;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
 * people and as JSON ({@code /dev/mail.json}). Only in src/test: never in the production jar.
 */
@RestController
class DevMailController {

	private final GreenMail greenMail;

	DevMailController(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	@GetMapping(path = "/dev/mail.json", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> json() throws Exception {
		List<Map<String, String>> mails = new ArrayList<>();
		for (MimeMessage message : newestFirst()) {
			mails.add(Map.of("to", addresses(message.getAllRecipients()), "from", addresses(message.getFrom()), "subject",
					String.valueOf(message.getSubject()), "text", plainText(message)));
		}
		return mails;
	}

	@GetMapping(path = "/dev/mail", produces = MediaType.TEXT_HTML_VALUE)
	String page() throws Exception {
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Moderato dev mail</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<style>body{font-family:system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}
				article{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}pre{white-space:pre-wrap}
				.meta{color:#555;font-size:.9em}</style></head><body><h1>Mail caught by the dev run</h1>
				""");
		List<MimeMessage> messages = newestFirst();
		html.append("<p>").append(messages.size()).append(" message(s). JSON: <a href=\"/dev/mail.json\">/dev/mail.json</a></p>");
		for (MimeMessage message : messages) {
			html.append("<article><div class=\"meta\">To: ").append(HtmlUtils.htmlEscape(addresses(message.getAllRecipients())))
				.append("<br>From: ").append(HtmlUtils.htmlEscape(addresses(message.getFrom())))
				.append("</div><h2>").append(HtmlUtils.htmlEscape(String.valueOf(message.getSubject())))
				.append("</h2><pre>").append(HtmlUtils.htmlEscape(plainText(message))).append("</pre></article>");
		}
		return html.append("</body></html>").toString();
	}

	private List<MimeMessage> newestFirst() {
		List<MimeMessage> messages = new ArrayList<>(Arrays.asList(this.greenMail.getReceivedMessages()));
		java.util.Collections.reverse(messages);
		return messages;
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
