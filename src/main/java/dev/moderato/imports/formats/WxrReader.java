package dev.moderato.imports.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;
import org.owasp.html.Encoding;

/**
 * Reads a WordPress eXtended RSS export (WXR 1.0 to 1.2) with StAX. Each {@code <item>} is read field by field; its
 * post is returned at its first {@code <wp:comment>} (or at its end), then each comment as it is reached, so a
 * post's comments are never held together in memory. Attachments, menu items, revisions and other items that cannot
 * carry comments are skipped unless they have some.
 *
 * @see <a href="https://github.com/WordPress/wordpress-develop/blob/trunk/src/wp-admin/includes/export.php">WordPress's
 * exporter, the reference of the format</a>
 */
final class WxrReader implements SourceReader {

	/** WordPress's export namespace, one per WXR version ({@code .../export/1.2/}). */
	private static final String WP_NAMESPACE = "http://wordpress.org/export/";

	/** The same as WordPress.com writes it. */
	private static final String WP_COM_NAMESPACE = "https://wordpress.org/export/";

	/** The fields of an item read (by local name); the others, a post's body above all, are passed over. */
	private static final Set<String> ITEM_FIELDS = Set.of("post_id", "link", "title", "post_date_gmt", "post_type",
			"comment_status");

	/** The fields of a comment read; the others ({@code commentmeta}, {@code comment_user_id}) are passed over. */
	private static final Set<String> COMMENT_FIELDS = Set.of("comment_id", "comment_parent", "comment_author",
			"comment_author_email", "comment_author_url", "comment_author_IP", "comment_date_gmt", "comment_date",
			"comment_content", "comment_approved", "comment_type");

	private final InputStream in;

	private final XMLStreamReader xml;

	private @Nullable Item item;

	/** A comment read before its post was returned, handed out on the following call. */
	private @Nullable Object pending;

	WxrReader(Path file) throws IOException {
		this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		this.xml = Xml.openAt(this.in, "rss", "a WordPress export");
	}

	@Override
	public @Nullable Object next() throws IOException {
		Object pending = this.pending;
		if (pending != null) {
			this.pending = null;
			return handOut(pending);
		}
		try {
			while (true) {
				int event = Xml.nextTag(this.xml);
				if (event == XMLStreamConstants.END_DOCUMENT) {
					return null;
				}
				Object record = (event == XMLStreamConstants.START_ELEMENT) ? start() : end();
				if (record != null) {
					return handOut(record);
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new BrokenFile("The WordPress export breaks off at " + position() + ": " + ex.getMessage(), ex);
		}
	}

	private static Object handOut(Object record) {
		if (record instanceof BadRecord bad) {
			throw bad;
		}
		return record;
	}

	private @Nullable Object start() throws XMLStreamException {
		String name = this.xml.getLocalName();
		Item item = this.item;
		if (item == null) {
			if ("item".equals(name)) {
				this.item = new Item();
			}
			return null;
		}
		if (isWp() && "comment".equals(name)) {
			String position = position();
			Xml.Element comment = Xml.read(this.xml, COMMENT_FIELDS::contains);
			item.comments++;
			if (!item.emitted) {
				this.pending = comment(item, comment, position);
				return item.emit();
			}
			return comment(item, comment, position);
		}
		if (!ITEM_FIELDS.contains(name)) { // the post's body, its metadata: only checked
			Xml.skip(this.xml);
			return null;
		}
		Xml.Element field = Xml.read(this.xml);
		item.field(isWp(field), field);
		return null;
	}

	private @Nullable Object end() {
		Item item = this.item;
		if (item == null || !"item".equals(this.xml.getLocalName())) {
			return null;
		}
		this.item = null;
		return (!item.emitted && item.hasThread()) ? item.emit() : null;
	}

	/** The comment, or the reason it cannot be read (thrown when it is handed out). */
	private Object comment(Item item, Xml.Element comment, String position) {
		try {
			return item.comment(comment, position);
		}
		catch (BadRecord ex) {
			return ex;
		}
	}

	private boolean isWp() {
		String namespace = this.xml.getNamespaceURI();
		return isWpNamespace(namespace);
	}

	private static boolean isWp(Xml.Element element) {
		return isWpNamespace(element.namespace);
	}

	private static boolean isWpNamespace(@Nullable String namespace) {
		return namespace != null && (namespace.startsWith(WP_NAMESPACE) || namespace.startsWith(WP_COM_NAMESPACE));
	}

	private String position() {
		return "line " + this.xml.getLocation().getLineNumber();
	}

	@Override
	public void close() throws IOException {
		try {
			this.xml.close();
		}
		catch (XMLStreamException ex) {
			// closing the stream below is what matters
		}
		this.in.close();
	}

	/** The item being read: its fields until its post is returned. */
	private final class Item {

		@Nullable String id;

		@Nullable String link;

		@Nullable String title;

		@Nullable String dateGmt;

		@Nullable String type;

		boolean closed;

		boolean emitted;

		int comments;

		void field(boolean wp, Xml.Element field) {
			String text = field.text.isBlank() ? null : field.text.strip();
			switch ((wp ? "wp:" : "") + field.name) {
				case "wp:post_id" -> this.id = text;
				case "link" -> this.link = text;
				case "title" -> this.title = text;
				case "wp:post_date_gmt" -> this.dateGmt = text;
				case "wp:post_type" -> this.type = text;
				case "wp:comment_status" -> this.closed = "closed".equals(text);
				default -> {
				}
			}
		}

		boolean hasThread() {
			return this.comments > 0 || this.type == null || "post".equals(this.type) || "page".equals(this.type);
		}

		Object emit() {
			this.emitted = true;
			if (this.id == null) {
				return new BadRecord(position(), "An item without <wp:post_id>: its comments cannot be placed");
			}
			Instant created;
			try {
				created = Dates.wordpress(this.dateGmt);
			}
			catch (DateTimeException ex) {
				created = null;
			}
			return new SourcePost(this.id, this.link, this.title, created, this.closed);
		}

		SourceComment comment(Xml.Element c, String position) {
			if (this.id == null) {
				throw new BadRecord(position, "A comment of an item without <wp:post_id>");
			}
			String id = c.text("comment_id");
			if (id == null) {
				throw new BadRecord(position, "A comment without <wp:comment_id>");
			}
			String parent = c.text("comment_parent");
			return new SourceComment(position, id, this.id, (parent == null || "0".equals(parent)) ? null : parent,
					name(c.text("comment_author")), c.text("comment_author_email"), url(c.text("comment_author_url")),
					c.text("comment_author_IP"), created(c, position), c.rawText("comment_content"), true,
					status(c.text("comment_approved"), position), kind(c.text("comment_type"), position));
		}

		private static Instant created(Xml.Element c, String position) {
			try {
				Instant gmt = Dates.wordpress(c.text("comment_date_gmt"));
				// an unknown GMT date falls back to the blog's local time, read as UTC (its zone is not exported)
				Instant created = (gmt != null) ? gmt : Dates.wordpress(c.text("comment_date"));
				if (created == null) {
					throw new BadRecord(position, "A comment without a date");
				}
				return created;
			}
			catch (DateTimeException ex) {
				throw new BadRecord(position, "A comment date that is not yyyy-MM-dd HH:mm:ss: " + ex.getMessage());
			}
		}

		/**
		 * WordPress keeps some names with character references: a pingback's is the linking page's title,
		 * {@code Ping 1 &laquo; What&#8217;s up}. Stored as text, they read as they did on the blog.
		 */
		private static @Nullable String name(@Nullable String name) {
			return (name != null && name.indexOf('&') >= 0) ? Encoding.decodeHtml(name, false) : name;
		}

		private static @Nullable String url(@Nullable String url) {
			return (url == null || "http://".equals(url) || "https://".equals(url)) ? null : url;
		}

		private static SourceStatus status(@Nullable String approved, String position) {
			return switch ((approved != null) ? approved : "") {
				case "1", "approve" -> SourceStatus.APPROVED;
				case "0", "hold" -> SourceStatus.HELD;
				case "spam" -> SourceStatus.SPAM;
				case "trash", "post-trashed" -> SourceStatus.REJECTED;
				default -> throw new BadRecord(position, "Unknown <wp:comment_approved> '" + approved + "'");
			};
		}

		private static SourceComment.Kind kind(@Nullable String type, String position) {
			return switch ((type != null) ? type : "") {
				case "", "comment", "review" -> SourceComment.Kind.COMMENT;
				case "pingback" -> SourceComment.Kind.PINGBACK;
				case "trackback" -> SourceComment.Kind.TRACKBACK;
				default -> throw new BadRecord(position, "A '" + type + "' is not a comment (a plugin's note): skipped");
			};
		}

	}

}
