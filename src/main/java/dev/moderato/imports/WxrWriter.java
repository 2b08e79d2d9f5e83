package dev.moderato.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.moderato.comments.CommentTransfer.ExportedComment;
import dev.moderato.sites.Site;

import org.springframework.web.util.HtmlUtils;

/**
 * Writes a site as WordPress eXtended RSS 1.2 (what WordPress's importer reads) with the JDK's StAX writer, streamed:
 * one {@code item} per post with its {@code wp:comment}s, {@code comment_approved} 1 (approved), 0 (held), {@code spam}
 * or {@code trash} (rejected), parents by {@code comment_parent}, dates in GMT. Ids are numbered in the file.
 */
final class WxrWriter {

	private static final String WP = "http://wordpress.org/export/1.2/";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter RFC822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final OutputStream out;

	WxrWriter(OutputStream out) {
		this.out = out;
	}

	void write(Site site, List<ExportedPost> posts,
			Function<ExportedPost, Consumer<Consumer<ExportedComment>>> commentsOf) throws IOException {
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(this.out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
			xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
			xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
			xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
			xml.writeNamespace("wp", WP);
			xml.writeStartElement("channel");
			text(xml, null, "title", site.name());
			text(xml, null, "link", site.origins().isEmpty() ? "" : site.origins().get(0));
			text(xml, null, "description", "Comments exported from Moderato");
			text(xml, WP, "wxr_version", "1.2");
			int postNumber = 0;
			int[] commentNumber = { 0 };
			for (ExportedPost post : posts) {
				postNumber++;
				xml.writeStartElement("item");
				text(xml, null, "title", post.title());
				text(xml, null, "link", post.url());
				text(xml, null, "pubDate", RFC822.format(post.createdAt()));
				text(xml, null, "guid", post.url());
				text(xml, WP, "post_id", Integer.toString(postNumber));
				text(xml, WP, "post_date_gmt", DATE.format(post.createdAt()));
				text(xml, WP, "post_name", post.id());
				text(xml, WP, "status", "publish");
				text(xml, WP, "post_type", "post");
				text(xml, WP, "comment_status", post.commentsClosed() ? "closed" : "open");
				Map<UUID, Integer> numbers = new HashMap<>(); // parents are on the same post
				commentsOf.apply(post).accept(c -> comment(xml, c, numbers, ++commentNumber[0]));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IOException("Cannot write WXR", ex);
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof XMLStreamException xse) {
				throw new IOException("Cannot write WXR", xse);
			}
			throw ex;
		}
	}

	private static void comment(XMLStreamWriter xml, ExportedComment c, Map<UUID, Integer> numbers, int number) {
		numbers.put(c.id(), number);
		Integer parent = c.parentId() == null ? null : numbers.get(c.parentId());
		try {
			xml.writeStartElement("wp", "comment", WP);
			text(xml, WP, "comment_id", Integer.toString(number));
			text(xml, WP, "comment_author", c.authorName());
			text(xml, WP, "comment_author_email", c.email() == null ? "" : c.email());
			text(xml, WP, "comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
			text(xml, WP, "comment_author_IP", "");
			text(xml, WP, "comment_date", DATE.format(c.submittedAt()));
			text(xml, WP, "comment_date_gmt", DATE.format(c.submittedAt()));
			text(xml, WP, "comment_content", HtmlUtils.htmlEscape(c.text(), "UTF-8"));
			text(xml, WP, "comment_approved", switch (c.status()) {
				case APPROVED -> "1";
				case SPAM -> "spam";
				case REJECTED -> "trash";
				case HELD, PENDING -> "0";
			});
			String kind = ModeratoWriter.kind(c);
			text(xml, WP, "comment_type", kind.equals("comment") ? "" : kind);
			text(xml, WP, "comment_parent", parent == null ? "0" : parent.toString());
			text(xml, WP, "comment_user_id", "0");
			xml.writeEndElement();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void text(XMLStreamWriter xml, @org.jspecify.annotations.Nullable String namespace, String name, String value) throws XMLStreamException {
		if (namespace == null) {
			xml.writeStartElement(name);
		}
		else {
			xml.writeStartElement("wp", name, namespace);
		}
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
