package dev.moderato.imports.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

class DisqusReaderTests {

	private static final Path EXPORT = Records.fixture("disqus/export.xml");

	@TempDir
	Path dir;

	@Test
	void readsThreadsAsPostsBeforeAnyComment() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.DISQUS, EXPORT);

		assertThat(records.subList(0, 2)).containsExactly(
				new SourcePost("7001", "https://blog.example.org/2026/05/gruesse-aus-koeln/", "Grüße aus Köln – 東京へ",
						Instant.parse("2026-05-01T08:00:00Z"), false),
				new SourcePost("7002", "https://blog.example.org/impressum/", "Impressum",
						Instant.parse("2025-01-10T09:00:00Z"), true));
		assertThat(Records.postsPrecedeTheirComments(records)).isTrue();
	}

	@Test
	void readsEveryFieldOfAPost() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.DISQUS, EXPORT);

		assertThat(Records.comment(records, "9001")).isEqualTo(new SourceComment("line 41", "9001", "7001", null,
				"Jürgen Müller", "juergen@example.de", null, "203.0.113.17", Instant.parse("2026-05-01T10:15:00Z"),
				"<p>Schöne Grüße zurück! Siehe <a href=\"https://example.de/koeln\">hier</a>.</p>", true,
				SourceStatus.APPROVED, Kind.COMMENT));
		assertThat(Records.comment(records, "9002")).isEqualTo(new SourceComment("line 56", "9002", "7001", "9001",
				"山田 花子", null, null, "2001:db8::42", Instant.parse("2026-05-01T11:00:00Z"),
				"<p>東京からこんにちは。</p>", true, SourceStatus.APPROVED, Kind.COMMENT));
	}

	@Test
	void keepsAFourDeepThread() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.DISQUS, EXPORT);

		assertThat(Records.comment(records, "9003").parentSourceId()).isEqualTo("9002");
		assertThat(Records.comment(records, "9003").authorName()).isNull();
		assertThat(Records.comment(records, "9004").parentSourceId()).isEqualTo("9003");
		assertThat(Records.comment(records, "9004").body()).contains("<script>alert('xss')</script>");
	}

	@Test
	void mapsSpamAndDeletedAndReadsAnAnonymousCommentWithoutEmailOrAddress() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.DISQUS, EXPORT);

		assertThat(Records.comment(records, "9005").status()).isEqualTo(SourceStatus.SPAM);
		assertThat(Records.comment(records, "9006").status()).isEqualTo(SourceStatus.DELETED);
		assertThat(Records.comment(records, "9008")).satisfies((c) -> {
			assertThat(c.postSourceId()).isEqualTo("7002");
			assertThat(c.authorEmail()).isNull();
			assertThat(c.ip()).isNull();
		});
	}

	@Test
	void reportsAPostWithoutIdWithItsLineAndReadsOn() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.DISQUS, EXPORT);

		assertThat(Records.bad(records)).singleElement().satisfies((bad) -> {
			assertThat(bad.position()).isEqualTo("line 130");
			assertThat(bad.getMessage()).contains("dsq:id");
		});
		assertThat(Records.comments(records)).extracting(SourceComment::sourceId)
			.containsExactly("9001", "9002", "9003", "9004", "9005", "9006", "9008");
	}

	@Test
	void aDeletedThreadIsNoPostAndItsCommentsCountAsDeleted() throws IOException {
		Path file = Files.writeString(this.dir.resolve("deleted-thread.xml"), """
				<?xml version="1.0" encoding="utf-8"?>
				<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
				  <thread dsq:id="1"><link>https://blog.example/kept/</link><isDeleted>false</isDeleted></thread>
				  <thread dsq:id="2"><link>https://blog.example/gone/</link><isDeleted>true</isDeleted></thread>
				  <post dsq:id="10"><message>kept</message><createdAt>2011-08-31T15:16:29Z</createdAt>
				    <isDeleted>false</isDeleted><isSpam>false</isSpam><thread dsq:id="1"/></post>
				  <post dsq:id="11"><message>on a deleted discussion</message><createdAt>2011-08-31T15:17:29Z</createdAt>
				    <isDeleted>false</isDeleted><isSpam>true</isSpam><thread dsq:id="2"/></post>
				</disqus>
				""", StandardCharsets.UTF_8);

		List<Object> records = Records.readAll(SourceFormat.DISQUS, file);

		assertThat(records).filteredOn(SourcePost.class::isInstance).extracting(r -> ((SourcePost) r).sourceId())
			.containsExactly("1");
		assertThat(Records.comment(records, "10").status()).isEqualTo(SourceStatus.APPROVED);
		assertThat(Records.comment(records, "11").status()).isEqualTo(SourceStatus.DELETED);
	}

	@Test
	void refusesATruncatedOrForeignFile() throws IOException {
		String whole = Files.readString(EXPORT);
		Path truncated = Files.writeString(this.dir.resolve("cut.xml"), whole.substring(0, whole.indexOf("9005")));
		Path cleanCut = Files.writeString(this.dir.resolve("clean.xml"), whole.substring(0, whole.indexOf("<post>")));
		Path json = Files.writeString(this.dir.resolve("x.xml"), "{\"version\": 1}");

		assertThatThrownBy(() -> Records.readAll(SourceFormat.DISQUS, truncated)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> Records.readAll(SourceFormat.DISQUS, cleanCut)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> Records.readAll(SourceFormat.DISQUS, json)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> Records.readAll(SourceFormat.DISQUS, Records.fixture("wxr/blog.xml")))
			.isInstanceOf(BrokenFile.class)
			.hasMessageContaining("<disqus>");
	}

	@Test
	void refusesExternalEntities() throws IOException {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "TOP-SECRET");
		Path xxe = Files.writeString(this.dir.resolve("xxe.xml"), """
				<?xml version="1.0"?>
				<!DOCTYPE disqus [ <!ENTITY xxe SYSTEM "%s"> ]>
				<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
				<thread dsq:id="1"><title>&xxe;</title></thread></disqus>
				""".formatted(secret.toUri()), StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Records.readAll(SourceFormat.DISQUS, xxe)).isInstanceOf(BrokenFile.class)
			.hasMessageNotContaining("TOP-SECRET");
	}

}
