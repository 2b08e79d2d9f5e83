package dev.moderato.comments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns a comment's plain text into safe HTML: everything escaped, paragraphs and line breaks kept, http(s)
 * addresses made into links marked {@code rel="nofollow ugc noopener"}. The result then passes an allow-list
 * sanitiser as a second line of defence.
 */
final class CommentHtml {

	// a possessive, single character class: linear time on any input
	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]++");

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder().allowElements("p", "br", "a")
		.allowUrlProtocols("http", "https")
		.allowAttributes("href")
		.onElements("a")
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.toFactory();

	private CommentHtml() {
	}

	static String render(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.strip().split("\\n\\s*\\n")) {
			if (paragraph.isBlank()) {
				continue;
			}
			html.append("<p>");
			String[] lines = paragraph.strip().split("\\R");
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					html.append("<br />");
				}
				linkify(lines[i], html);
			}
			html.append("</p>");
		}
		return POLICY.sanitize(html.toString());
	}

	private static void linkify(String line, StringBuilder html) {
		Matcher m = URL.matcher(line);
		int last = 0;
		while (m.find()) {
			String url = trimTrailingPunctuation(m.group());
			int end = m.start() + url.length();
			html.append(HtmlUtils.htmlEscape(line.substring(last, m.start())));
			String escaped = HtmlUtils.htmlEscape(url);
			html.append("<a href=\"").append(escaped).append("\" rel=\"nofollow ugc noopener\">").append(escaped).append("</a>");
			last = end;
		}
		html.append(HtmlUtils.htmlEscape(line.substring(last)));
	}

	private static String trimTrailingPunctuation(String url) {
		int end = url.length();
		while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
			end--;
		}
		return url.substring(0, end);
	}

}
