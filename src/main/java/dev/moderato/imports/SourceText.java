package dev.moderato.imports;

import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlSanitizer;

/**
 * Turns a source's comment HTML into the plain text Moderato stores (the thread renders it as a submitted comment's,
 * escaped, with paragraphs, line breaks and linked addresses; the spam engine reads the text): the OWASP sanitiser's
 * HTML lexer reads the markup as a browser would and decodes character references; block elements become paragraphs,
 * {@code <br>} a line break, a link whose text is not its address keeps the address in brackets; scripts and styles are
 * dropped with their content.
 */
final class SourceText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li", "h1", "h2", "h3",
			"h4", "h5", "h6", "table", "tr");

	private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "noscript", "template");

	private SourceText() {
	}

	static String of(String body, boolean html) {
		String text = html ? fromHtml(body) : body.replace("\r\n", "\n");
		return text.strip();
	}

	private static String fromHtml(String html) {
		StringBuilder out = new StringBuilder(html.length());
		HtmlSanitizer.sanitize(html.replace("\r\n", "\n"), new HtmlSanitizer.Policy() {

			private int dropped;

			private @org.jspecify.annotations.Nullable String href;

			private int linkStart;

			@Override
			public void openDocument() {
			}

			@Override
			public void closeDocument() {
			}

			@Override
			public void openTag(String name, List<String> attrs) {
				if (DROPPED.contains(name)) {
					this.dropped++;
				}
				else if (name.equals("br")) {
					out.append('\n');
				}
				else if (BLOCKS.contains(name)) {
					paragraph(out);
				}
				else if (name.equals("a")) {
					this.href = null;
					for (int i = 0; i + 1 < attrs.size(); i += 2) {
						if (attrs.get(i).equals("href")) {
							this.href = attrs.get(i + 1).strip();
						}
					}
					this.linkStart = out.length();
				}
			}

			@Override
			public void closeTag(String name) {
				if (DROPPED.contains(name)) {
					this.dropped = Math.max(0, this.dropped - 1);
				}
				else if (BLOCKS.contains(name)) {
					paragraph(out);
				}
				else if (name.equals("a") && this.href != null) {
					String shown = out.substring(this.linkStart).strip();
					if ((this.href.startsWith("http://") || this.href.startsWith("https://")) && !shown.equals(this.href)) {
						out.append(" (").append(this.href).append(')');
					}
					this.href = null;
				}
			}

			@Override
			public void text(String text) {
				if (this.dropped == 0) {
					out.append(text);
				}
			}

		});
		return out.toString().replaceAll("\n{3,}", "\n\n");
	}

	private static void paragraph(StringBuilder out) {
		int n = out.length();
		if (n == 0 || (n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n')) {
			return;
		}
		out.append(out.charAt(n - 1) == '\n' ? "\n" : "\n\n");
	}

}
