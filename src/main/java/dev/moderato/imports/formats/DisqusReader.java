package dev.moderato.imports.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads a Disqus XML export with StAX: each top-level {@code <thread>} becomes a {@link SourcePost}, each
 * {@code <post>} a {@link SourceComment}; {@code <category>} and anything else is skipped. One thread or post is held
 * at a time. Disqus writes all threads before all posts.
 *
 * @see <a href="https://help.disqus.com/en/articles/1717199-importing-exporting">Disqus importing and exporting</a>
 */
final class DisqusReader implements SourceReader {

	private final InputStream in;

	private final XMLStreamReader xml;

	private boolean done;

	/**
	 * The threads deleted in Disqus (a discussion removed from the forum: its comments were no longer shown), which
	 * come before the posts in an export: they create no post, and their comments count as deleted ones.
	 */
	private final Set<String> deletedThreads = new HashSet<>();

	DisqusReader(Path file) throws IOException {
		this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		this.xml = Xml.openAt(this.in, "disqus", "a Disqus export");
	}

	@Override
	public @Nullable Object next() throws IOException {
		if (this.done) {
			return null;
		}
		try {
			while (true) {
				int event = Xml.nextTag(this.xml);
				if (event == XMLStreamConstants.END_DOCUMENT) {
					throw new BrokenFile("The Disqus export ends before </disqus>", null);
				}
				if (event == XMLStreamConstants.END_ELEMENT) {
					// the only end tag met at this level is the root's: what follows it is not read
					this.done = true;
					return null;
				}
				String position = "line " + this.xml.getLocation().getLineNumber();
				Xml.Element element = Xml.read(this.xml);
				switch (element.name) {
					case "thread" -> {
						SourcePost thread = thread(element, position);
						if (thread != null) {
							return thread;
						}
					}
					case "post" -> {
						return post(element, position);
					}
					default -> {
						// <category> and unknown elements
					}
				}
			}
		}
		catch (XMLStreamException ex) {
			throw new BrokenFile("The Disqus export breaks off at line " + this.xml.getLocation().getLineNumber()
					+ ": " + ex.getMessage(), ex);
		}
	}

	private @Nullable SourcePost thread(Xml.Element thread, String position) {
		String id = dsqId(thread);
		if (id == null) {
			throw new BadRecord(position, "A <thread> without dsq:id");
		}
		if ("true".equals(thread.text("isDeleted"))) {
			this.deletedThreads.add(id);
			return null;
		}
		Instant created;
		try {
			String date = thread.text("createdAt");
			created = (date != null) ? Dates.iso(date) : null;
		}
		catch (DateTimeException ex) {
			created = null;
		}
		return new SourcePost(id, thread.text("link"), thread.text("title"), created,
				"true".equals(thread.text("isClosed")));
	}

	private SourceComment post(Xml.Element post, String position) {
		String id = dsqId(post);
		if (id == null) {
			throw new BadRecord(position, "A <post> without dsq:id");
		}
		Xml.Element thread = post.child("thread");
		String threadId = (thread != null) ? dsqId(thread) : null;
		if (threadId == null) {
			throw new BadRecord(position, "A <post> without <thread dsq:id>");
		}
		Xml.Element parent = post.child("parent");
		Xml.Element author = post.child("author");
		String date = post.text("createdAt");
		if (date == null) {
			throw new BadRecord(position, "A <post> without <createdAt>");
		}
		Instant created;
		try {
			created = Dates.iso(date);
		}
		catch (DateTimeException ex) {
			throw new BadRecord(position, "A <createdAt> that is not an ISO 8601 date: " + date);
		}
		SourceStatus status = this.deletedThreads.contains(threadId) ? SourceStatus.DELETED
				: "true".equals(post.text("isSpam")) ? SourceStatus.SPAM
						: "true".equals(post.text("isDeleted")) ? SourceStatus.DELETED : SourceStatus.APPROVED;
		return new SourceComment(position, id, threadId, (parent != null) ? dsqId(parent) : null,
				(author != null) ? author.text("name") : null, (author != null) ? author.text("email") : null, null,
				post.text("ipAddress"), created, post.rawText("message"), true, status, SourceComment.Kind.COMMENT);
	}

	private static @Nullable String dsqId(Xml.Element element) {
		String id = element.attributes.get("id");
		return (id == null || id.isBlank()) ? null : id.strip();
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

}
