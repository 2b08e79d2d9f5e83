package dev.moderato.imports.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * Reads an Isso SQLite database file, opened read-only through the SQLite JDBC driver ({@code org.xerial:sqlite-jdbc}).
 * The comments are read with their thread in one query, ordered by thread, so each thread's post comes just before its
 * comments; the driver steps through the rows, so memory stays bounded. Threads without comments are not returned.
 * <p>
 * Isso knows a thread by its {@code uri}, a path such as {@code /2026/05/hello/}: it is the post's source id and its
 * {@link SourcePost#url()} as given, which the import resolves against the site's first post URL prefix. Isso stores
 * Markdown ({@code bodyIsHtml = false}) and already anonymised addresses.
 *
 * @see <a href="https://github.com/isso-comments/isso">Isso (isso/db/comments.py, threads.py)</a>
 */
final class IssoReader implements SourceReader {

	private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

	private static final String QUERY = """
			SELECT c.id, c.tid, c.parent, c.created, c.mode, c.remote_addr, c.text, c.author, c.email, c.website,
			       t.uri, t.title
			FROM comments c LEFT JOIN threads t ON t.id = c.tid
			ORDER BY c.tid, c.id""";

	private final Connection connection;

	private final ResultSet rows;

	private @Nullable Long thread;

	private @Nullable SourceComment pending;

	IssoReader(Path file) throws IOException {
		requireSqlite(file);
		Properties properties = new Properties();
		properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: an import never changes the source
		try {
			this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
			Statement statement = this.connection.createStatement();
			this.rows = statement.executeQuery(QUERY);
		}
		catch (SQLException ex) {
			throw new BrokenFile("Not an Isso database (no threads and comments tables?): " + ex.getMessage(), ex);
		}
	}

	private static void requireSqlite(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] header = in.readNBytes(SQLITE_MAGIC.length);
			if (!Arrays.equals(header, SQLITE_MAGIC)) {
				throw new BrokenFile("Not an Isso database: the file is not an SQLite database", null);
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
		try {
			if (!this.rows.next()) {
				return null;
			}
			long id = this.rows.getLong("id");
			String position = "comment id " + id;
			long tid = this.rows.getLong("tid");
			String uri = this.rows.getString("uri");
			if (uri == null) {
				throw new BadRecord(position, "A comment of thread " + tid + ", which is not in the threads table");
			}
			SourceComment comment = comment(id, position, uri);
			if (this.thread == null || this.thread != tid) {
				this.thread = tid;
				this.pending = comment;
				return new SourcePost(uri, uri, this.rows.getString("title"), null, false);
			}
			return comment;
		}
		catch (SQLException ex) {
			throw new BrokenFile("The Isso database cannot be read further: " + ex.getMessage(), ex);
		}
	}

	private SourceComment comment(long id, String position, String uri) throws SQLException {
		long parent = this.rows.getLong("parent");
		boolean topLevel = this.rows.wasNull();
		double created = this.rows.getDouble("created");
		if (this.rows.wasNull()) {
			throw new BadRecord(position, "A comment without its created time");
		}
		String text = this.rows.getString("text");
		int mode = this.rows.getInt("mode");
		SourceStatus status = switch (mode) {
			case 1 -> SourceStatus.APPROVED;
			case 2 -> SourceStatus.HELD;
			case 4 -> SourceStatus.DELETED;
			default -> throw new BadRecord(position, "Unknown mode " + mode + " (Isso knows 1, 2 and 4)");
		};
		return new SourceComment(position, Long.toString(id), uri, topLevel ? null : Long.toString(parent),
				blankToNull(this.rows.getString("author")), blankToNull(this.rows.getString("email")),
				blankToNull(this.rows.getString("website")), blankToNull(this.rows.getString("remote_addr")),
				Dates.unixSeconds(created), (text != null) ? text : "", false, status, SourceComment.Kind.COMMENT);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	@Override
	public void close() throws IOException {
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			throw new IOException("Cannot close the Isso database", ex);
		}
	}

}
