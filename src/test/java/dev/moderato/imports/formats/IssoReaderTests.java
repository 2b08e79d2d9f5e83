package dev.moderato.imports.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.moderato.imports.formats.SourceComment.Kind;
import dev.moderato.imports.formats.SourceReader.BrokenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssoReaderTests {

	@TempDir
	Path dir;

	private Path database;

	@BeforeEach
	void buildTheDatabaseFromItsScript() throws IOException, SQLException {
		this.database = this.dir.resolve("comments.db");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + this.database);
				Statement statement = connection.createStatement()) {
			for (String sql : Files.readString(Records.fixture("isso/comments.sql")).split(";\\R")) {
				String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
				if (!withoutComments.isEmpty()) {
					statement.executeUpdate(withoutComments);
				}
			}
		}
	}

	@Test
	void readsEachThreadBeforeItsComments() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.ISSO, this.database);

		assertThat(Records.posts(records)).containsExactly(
				new SourcePost("/2026/05/gruesse-aus-koeln/", "/2026/05/gruesse-aus-koeln/", "Grüße aus Köln – 東京へ",
						null, false),
				new SourcePost("/impressum/", "/impressum/", null, null, false));
		assertThat(records.get(0)).isInstanceOf(SourcePost.class);
		assertThat(Records.postsPrecedeTheirComments(records)).isTrue();
	}

	@Test
	void readsEveryFieldOfAComment() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.ISSO, this.database);

		assertThat(Records.comment(records, "1")).isEqualTo(new SourceComment("comment id 1", "1",
				"/2026/05/gruesse-aus-koeln/", null, "Jürgen Müller", "juergen@example.de", "https://juergen.example.de",
				"203.0.113.0", Instant.parse("2026-05-01T10:15:00.25Z"),
				"Schöne Grüße zurück! Siehe [hier](https://example.de/koeln).", false, SourceStatus.APPROVED,
				Kind.COMMENT));
		assertThat(Records.comment(records, "3")).isEqualTo(new SourceComment("comment id 3", "3",
				"/2026/05/gruesse-aus-koeln/", "2", null, null, null, "192.0.2.0", Instant.parse("2026-05-01T12:00:00Z"),
				"🎉🎉 Glückwunsch!", false, SourceStatus.APPROVED, Kind.COMMENT));
	}

	@Test
	void keepsAFourDeepThreadAndMapsEveryMode() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.ISSO, this.database);

		assertThat(Records.comment(records, "2").parentSourceId()).isEqualTo("1");
		assertThat(Records.comment(records, "2").authorEmail()).isNull();
		assertThat(Records.comment(records, "4").parentSourceId()).isEqualTo("3");
		assertThat(Records.comment(records, "4").authorUrl()).isNull();
		assertThat(Records.comment(records, "4").body()).contains("<script>alert('xss')</script>");
		assertThat(Records.comment(records, "4").createdAt()).isEqualTo(Instant.parse("2026-05-01T13:00:00.5Z"));
		assertThat(Records.comment(records, "5").status()).isEqualTo(SourceStatus.HELD);
		assertThat(Records.comment(records, "6").status()).isEqualTo(SourceStatus.DELETED);
		assertThat(Records.comment(records, "8").postSourceId()).isEqualTo("/impressum/");
	}

	@Test
	void reportsAnUnknownModeWithTheCommentIdAndReadsOn() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.ISSO, this.database);

		assertThat(Records.bad(records)).singleElement().satisfies((bad) -> {
			assertThat(bad.position()).isEqualTo("comment id 7");
			assertThat(bad.getMessage()).contains("mode 8");
		});
		assertThat(Records.comments(records)).extracting(SourceComment::sourceId)
			.containsExactly("1", "2", "3", "4", "5", "6", "8");
	}

	@Test
	void opensTheDatabaseReadOnly() throws IOException {
		byte[] before = Files.readAllBytes(this.database);

		Records.readAll(SourceFormat.ISSO, this.database);

		assertThat(Files.readAllBytes(this.database)).isEqualTo(before);
	}

	@Test
	void refusesAFileThatIsNotAnIssoDatabase() throws IOException, SQLException {
		Path text = Files.writeString(this.dir.resolve("comments.txt"), "not a database");
		Path other = this.dir.resolve("other.db");
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other);
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("CREATE TABLE notes (id INTEGER PRIMARY KEY)");
		}

		assertThatThrownBy(() -> Records.readAll(SourceFormat.ISSO, text)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("not an SQLite database");
		assertThatThrownBy(() -> Records.readAll(SourceFormat.ISSO, other)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("Not an Isso database");
		Path missing = this.dir.resolve("missing.db");
		assertThatThrownBy(() -> Records.readAll(SourceFormat.ISSO, missing)).isInstanceOf(IOException.class);
		assertThat(missing).doesNotExist();
	}

}
