package dev.moderato.imports.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.moderato.imports.formats.SourceComment.Kind;
import dev.moderato.imports.formats.SourceReader.BrokenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Remark42ReaderTests {

	private static final Path BACKUP = Records.fixture("remark42/backup.jsonl");

	private static final String POST = "https://blog.example.org/2026/05/gruesse-aus-koeln/";

	@TempDir
	Path dir;

	@Test
	void readsEachPostBeforeItsCommentsWithTitleAndReadOnlyFromTheBackup() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.REMARK42, BACKUP);

		assertThat(Records.posts(records)).containsExactly(
				new SourcePost(POST, POST, "Grüße aus Köln – 東京へ", null, false),
				new SourcePost("https://blog.example.org/impressum/", "https://blog.example.org/impressum/", "Impressum",
						null, true));
		assertThat(records.get(0)).isInstanceOf(SourcePost.class);
		assertThat(Records.postsPrecedeTheirComments(records)).isTrue();
	}

	@Test
	void readsEveryFieldOfAComment() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.REMARK42, BACKUP);

		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000001")).isEqualTo(new SourceComment(
				"line 2", "c0a1f6a0-0001-4000-8000-000000000001", POST, null, "Jürgen Müller", "juergen@example.de",
				null, null, Instant.parse("2026-05-01T10:15:00.123456789Z"),
				"<p>Schöne Grüße zurück! Siehe <a href=\"https://example.de/koeln\" rel=\"nofollow\">hier</a>.</p>\n",
				true, SourceStatus.APPROVED, Kind.COMMENT));
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000002")).satisfies((c) -> {
			assertThat(c.parentSourceId()).isEqualTo("c0a1f6a0-0001-4000-8000-000000000001");
			assertThat(c.authorName()).isEqualTo("山田 花子");
			assertThat(c.authorEmail()).isNull();
			assertThat(c.ip()).as("Remark42 keeps a hash, not an address").isNull();
			assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-05-01T11:00:00Z"));
		});
	}

	@Test
	void keepsAFourDeepThreadAndDeletedComments() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.REMARK42, BACKUP);

		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000003").parentSourceId())
			.isEqualTo("c0a1f6a0-0001-4000-8000-000000000002");
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000003").authorName()).isNull();
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000004").parentSourceId())
			.isEqualTo("c0a1f6a0-0001-4000-8000-000000000003");
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000004").body())
			.contains("<script>alert('xss')</script>");
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000005").status())
			.isEqualTo(SourceStatus.DELETED);
	}

	@Test
	void reportsABrokenLineWithItsNumberAndReadsOn() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.REMARK42, BACKUP);

		assertThat(Records.bad(records)).singleElement()
			.satisfies((bad) -> assertThat(bad.position()).isEqualTo("line 7"));
		assertThat(Records.comment(records, "c0a1f6a0-0001-4000-8000-000000000007").position()).isEqualTo("line 8");
	}

	@Test
	void readsAGzippedBackupAlike() throws IOException {
		Path gzipped = this.dir.resolve("backup.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
			out.write(Files.readAllBytes(BACKUP));
		}

		assertThat(Records.readAll(SourceFormat.REMARK42, gzipped)).usingRecursiveFieldByFieldElementComparator()
			.isEqualTo(Records.readAll(SourceFormat.REMARK42, BACKUP));
	}

	@Test
	void refusesACutGzipStreamAndAFileThatIsNoBackup() throws IOException {
		Path gzipped = this.dir.resolve("backup.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
			out.write(Files.readAllBytes(BACKUP));
		}
		byte[] whole = Files.readAllBytes(gzipped);
		Path cut = Files.write(this.dir.resolve("cut.gz"), Arrays.copyOf(whole, whole.length / 2));
		Path commento = Records.fixture("commento/export.json");
		Path garbage = Files.write(this.dir.resolve("garbage"), new byte[] { 0, 1, 2, 3, (byte) 0xff });

		assertThatThrownBy(() -> Records.readAll(SourceFormat.REMARK42, cut)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("breaks off");
		assertThatThrownBy(() -> Records.readAll(SourceFormat.REMARK42, commento)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> Records.readAll(SourceFormat.REMARK42, garbage)).isInstanceOf(BrokenFile.class);
	}

}
