package dev.moderato.imports.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.moderato.imports.formats.SourceComment.Kind;
import dev.moderato.imports.formats.SourceReader.BrokenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentoReaderTests {

	private static final Path EXPORT = Records.fixture("commento/export.json");

	private static final String HEX = "a100000000000000000000000000000000000000000000000000000000000000";

	@TempDir
	Path dir;

	@Test
	void readsEachPathAsAPostBeforeItsComments() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.COMMENTO, EXPORT);

		assertThat(Records.posts(records)).containsExactly(
				new SourcePost("/2026/05/gruesse-aus-koeln/", "/2026/05/gruesse-aus-koeln/", null, null, false),
				new SourcePost("/impressum/", "/impressum/", null, null, false));
		assertThat(records.get(0)).isInstanceOf(SourcePost.class);
		assertThat(Records.postsPrecedeTheirComments(records)).isTrue();
	}

	@Test
	void joinsEachCommentWithItsCommenterListedAfterTheComments() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.COMMENTO, EXPORT);

		assertThat(Records.comment(records, HEX + "1")).isEqualTo(new SourceComment("comment #1", HEX + "1",
				"/2026/05/gruesse-aus-koeln/", null, "Jürgen Müller", "juergen@example.de", "https://juergen.example.de",
				null, Instant.parse("2026-05-01T10:15:00.5Z"), "Schöne Grüße zurück! Siehe [hier](https://example.de/koeln).",
				false, SourceStatus.APPROVED, Kind.COMMENT));
		assertThat(Records.comment(records, HEX + "2")).satisfies((c) -> {
			assertThat(c.authorName()).as("anonymous").isNull();
			assertThat(c.authorEmail()).isNull();
			assertThat(c.parentSourceId()).isEqualTo(HEX + "1");
		});
		assertThat(Records.comment(records, HEX + "3")).satisfies((c) -> {
			assertThat(c.authorName()).isNull();
			assertThat(c.authorEmail()).isEqualTo("gast@example.org");
			assertThat(c.authorUrl()).as("Commento's 'undefined'").isNull();
			assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-05-01T12:00:00Z"));
		});
	}

	@Test
	void keepsAFourDeepThreadWhoseRepliesComeBeforeTheirParents() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.COMMENTO, EXPORT);

		assertThat(Records.comment(records, HEX + "4").parentSourceId()).isEqualTo(HEX + "3");
		assertThat(Records.comment(records, HEX + "3").parentSourceId()).isEqualTo(HEX + "2");
		assertThat(Records.comment(records, HEX + "4").body()).contains("<script>alert('xss')</script>");
	}

	@Test
	void mapsEveryState() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.COMMENTO, EXPORT);

		assertThat(Records.comment(records, HEX + "5").status()).isEqualTo(SourceStatus.HELD);
		assertThat(Records.comment(records, HEX + "6").status()).isEqualTo(SourceStatus.SPAM);
		assertThat(Records.comment(records, HEX + "6").authorEmail()).isNull();
		assertThat(Records.comment(records, HEX + "7").status()).as("as Commento leaves a deleted comment")
			.isEqualTo(SourceStatus.DELETED);
		assertThat(Records.comment(records, HEX + "9").postSourceId()).as("read from 'path'").isEqualTo("/impressum/");
	}

	@Test
	void prefersHtmlAndTheDeletedFlagWhereAFileCarriesThem() throws IOException {
		Path file = Files.writeString(this.dir.resolve("with-html.json"), """
				{"version": 1, "comments": [
				  {"commentHex": "h1", "url": "/a/", "commenterHex": "c1", "markdown": "**hi**", "html": "<p><b>hi</b></p>",
				   "parentHex": "root", "state": "approved", "creationDate": "2026-01-01T00:00:00Z", "deleted": false},
				  {"commentHex": "h2", "url": "/a/", "commenterHex": "c1", "markdown": "gone", "html": "<p>gone</p>",
				   "parentHex": "h1", "state": "approved", "creationDate": "2026-01-02T00:00:00Z", "deleted": true}],
				 "commenters": [{"commenterHex": "c1", "name": "Ann", "link": "undefined", "photo": "undefined"}]}
				""");

		List<Object> records = Records.readAll(SourceFormat.COMMENTO, file);

		assertThat(Records.comment(records, "h1")).satisfies((c) -> {
			assertThat(c.body()).isEqualTo("<p><b>hi</b></p>");
			assertThat(c.bodyIsHtml()).isTrue();
			assertThat(c.authorName()).isEqualTo("Ann");
		});
		assertThat(Records.comment(records, "h2").status()).isEqualTo(SourceStatus.DELETED);
	}

	@Test
	void reportsAnUnknownStateWithTheCommentNumberAndReadsOn() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.COMMENTO, EXPORT);

		assertThat(Records.bad(records)).singleElement().satisfies((bad) -> {
			assertThat(bad.position()).isEqualTo("comment #8");
			assertThat(bad.getMessage()).contains("pending");
		});
		assertThat(Records.comments(records)).hasSize(8);
	}

	@Test
	void refusesATruncatedFileBeforeReturningAnything() throws IOException {
		String whole = Files.readString(EXPORT);
		Path truncated = Files.writeString(this.dir.resolve("cut.json"), whole.substring(0, whole.indexOf("\"commenters\"")));
		Path noComments = Files.writeString(this.dir.resolve("other.json"), "{\"version\": 1, \"users\": []}");

		assertThatThrownBy(() -> SourceFormat.COMMENTO.open(truncated)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> SourceFormat.COMMENTO.open(noComments)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("comments");
		assertThatThrownBy(() -> SourceFormat.COMMENTO.open(Records.fixture("wxr/blog.xml")))
			.isInstanceOf(BrokenFile.class);
	}

}
