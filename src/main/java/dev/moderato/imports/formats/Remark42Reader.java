package dev.moderato.imports.formats;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Remark42 backup: JSON lines, plain or gzipped (detected by the gzip magic bytes), as Remark42's native
 * exporter writes them (backend/app/migrator/native.go): a first line of metadata
 * {@code {"version":1,"users":[…],"posts":[…]}}, then one {@code store.Comment} per line. Each line is parsed on its
 * own, so a broken line is one {@link BadRecord} and the next line is read. A post is returned before the first
 * comment of its URL (Remark42 writes a post's comments together); its title is that comment's {@code title} and it
 * is closed if the metadata marks the URL {@code read_only}.
 * <p>
 * Remark42 keeps only an HMAC of the commenter's address, which is no address: {@code ip} is left empty. It keeps no
 * moderation state but deletion: a comment is {@code APPROVED} or, with {@code "delete": true}, {@code DELETED}.
 *
 * @see <a href="https://remark42.com/docs/backup/">Remark42 backup and restore</a>
 */
final class Remark42Reader implements SourceReader {

	private final BufferedReader lines;

	/** URLs whose comments Remark42 had closed, from the metadata line. */
	private final Set<String> readOnly = new HashSet<>();

	/** URLs whose post has been returned: one entry per post, not per comment. */
	private final Set<String> posts = new HashSet<>();

	private int line = 1;

	private @Nullable SourceComment pending;

	/** The title of the comment last read: Remark42 keeps a post's title on its comments. */
	private @Nullable String title;

	Remark42Reader(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		try {
			in.mark(2);
			boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
			in.reset();
			if (gzip) {
				in = new GZIPInputStream(in, 1 << 16);
			}
			this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
			metadata(this.lines.readLine());
		}
		catch (IOException ex) {
			in.close();
			throw new BrokenFile("The Remark42 backup breaks off in its first line: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	private void metadata(@Nullable String first) {
		JsonNode meta;
		try {
			meta = (first != null) ? Json.MAPPER.readTree(first) : null;
		}
		catch (JacksonException ex) {
			throw new BrokenFile("Not a Remark42 backup: the first line is not its JSON metadata", ex);
		}
		if (meta == null || !meta.isObject() || !meta.has("version")) {
			throw new BrokenFile("Not a Remark42 backup: the first line has no \"version\" metadata", null);
		}
		long version = meta.path("version").asLong(-1);
		if (version != 0 && version != 1) {
			throw new BrokenFile("A Remark42 backup of version " + version + ": only versions 0 and 1 are known", null);
		}
		for (JsonNode post : meta.path("posts")) {
			String url = Json.text(post, "url");
			if (url != null && post.path("read_only").asBoolean(false)) {
				this.readOnly.add(url);
			}
		}
	}

	@Override
	public @Nullable Object next() throws IOException {
		if (this.pending != null) {
			SourceComment comment = this.pending;
			this.pending = null;
			return comment;
		}
		String text;
		do {
			try {
				text = this.lines.readLine();
			}
			catch (IOException ex) {
				// a gzip stream cut short or corrupt: nothing after it can be trusted
				throw new BrokenFile("The Remark42 backup breaks off after line " + this.line + ": " + ex.getMessage(),
						ex);
			}
			if (text == null) {
				return null;
			}
			this.line++;
		}
		while (text.isBlank());
		SourceComment comment = comment(text, "line " + this.line);
		if (this.posts.add(comment.postSourceId())) {
			this.pending = comment;
			return new SourcePost(comment.postSourceId(), comment.postSourceId(), this.title,
					null, this.readOnly.contains(comment.postSourceId()));
		}
		return comment;
	}

	private SourceComment comment(String text, String position) {
		JsonNode c;
		try {
			c = Json.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw new BadRecord(position, "Not a JSON comment: " + ex.getOriginalMessage());
		}
		String id = Json.text(c, "id");
		String url = Json.text(c.path("locator"), "url");
		String time = Json.text(c, "time");
		if (id == null || url == null || time == null) {
			throw new BadRecord(position, "A comment without its id, locator.url or time");
		}
		Instant created = Dates.iso(time, position, "time");
		this.title = Json.text(c, "title");
		JsonNode user = c.path("user");
		return new SourceComment(position, id, url, Json.text(c, "pid"), Json.text(user, "name"),
				Json.text(user, "email"), null, null, created, Json.rawText(c, "text"), true,
				c.path("delete").asBoolean(false) ? SourceStatus.DELETED : SourceStatus.APPROVED,
				SourceComment.Kind.COMMENT);
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

}
