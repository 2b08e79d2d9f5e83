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
import dev.moderato.imports.formats.SourceReader.BadRecord;
import dev.moderato.imports.formats.SourceReader.BrokenFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WxrReaderTests {

	private static final Path BLOG = Records.fixture("wxr/blog.xml");

	@TempDir
	Path dir;

	@Test
	void readsPostsAndPagesButNotAttachmentsOrMenuItems() throws IOException {
		List<SourcePost> posts = Records.posts(Records.readAll(SourceFormat.WXR, BLOG));

		assertThat(posts).containsExactly(
				new SourcePost("101", "https://blog.example.org/2026/05/gruesse-aus-koeln/", "Grüße aus Köln – 東京へ",
						Instant.parse("2026-05-01T08:00:00Z"), false),
				new SourcePost("103", "https://blog.example.org/impressum/", "Impressum",
						Instant.parse("2025-01-10T09:00:00Z"), true),
				new SourcePost("105", "https://blog.example.org/?p=105", "Entwurf ohne Kommentare", null, false));
	}

	@Test
	void readsEveryFieldOfAComment() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.WXR, BLOG);

		assertThat(Records.comment(records, "1001")).isEqualTo(new SourceComment("line 45", "1001", "101", null,
				"Jürgen Müller", "juergen@example.de", "https://juergen.example.de", "203.0.113.17",
				Instant.parse("2026-05-01T10:15:00Z"),
				"<p>Schöne Grüße zurück! Siehe <a href=\"https://example.de/koeln\">hier</a> &amp; dort.</p>", true,
				SourceStatus.APPROVED, Kind.COMMENT));
		assertThat(Records.comment(records, "1003")).isEqualTo(new SourceComment("line 77", "1003", "101", "1002",
				null, null, null, null, Instant.parse("2026-05-01T12:00:00Z"), "🎉🎉 Glückwunsch!", true,
				SourceStatus.APPROVED, Kind.COMMENT));
	}

	@Test
	void keepsAFourDeepThreadAndHtmlAsWritten() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.WXR, BLOG);

		assertThat(Records.comment(records, "1002").parentSourceId()).isEqualTo("1001");
		assertThat(Records.comment(records, "1002").authorName()).isEqualTo("山田 花子");
		assertThat(Records.comment(records, "1002").authorEmail()).isNull();
		assertThat(Records.comment(records, "1003").parentSourceId()).isEqualTo("1002");
		assertThat(Records.comment(records, "1004").parentSourceId()).isEqualTo("1003");
		assertThat(Records.comment(records, "1004").body()).contains("<script>alert('xss')</script>");
	}

	@Test
	void mapsEveryApprovalStateAndCommentType() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.WXR, BLOG);

		assertThat(Records.comment(records, "1005").status()).isEqualTo(SourceStatus.HELD);
		assertThat(Records.comment(records, "1006").status()).isEqualTo(SourceStatus.SPAM);
		assertThat(Records.comment(records, "1007").status()).isEqualTo(SourceStatus.REJECTED);
		assertThat(Records.comment(records, "1008").status()).isEqualTo(SourceStatus.REJECTED);
		assertThat(Records.comment(records, "1009").kind()).isEqualTo(Kind.PINGBACK);
		assertThat(Records.comment(records, "1010").kind()).isEqualTo(Kind.TRACKBACK);
		assertThat(Records.comment(records, "1002").kind()).isEqualTo(Kind.COMMENT);
	}

	@Test
	void fallsBackToTheLocalDateWhenTheGmtDateIsUnknown() throws IOException {
		assertThat(Records.comment(Records.readAll(SourceFormat.WXR, BLOG), "1011").createdAt())
			.isEqualTo(Instant.parse("2026-05-04T06:30:00Z"));
	}

	@Test
	void reportsAnUnknownStatusWithItsLineAndReadsOn() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.WXR, BLOG);

		assertThat(Records.bad(records)).singleElement().satisfies((bad) -> {
			assertThat(bad.position()).isEqualTo("line 203");
			assertThat(bad.getMessage()).contains("maybe");
		});
		assertThat(Records.comments(records)).extracting(SourceComment::sourceId)
			.containsExactly("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011",
					"1020");
	}

	@Test
	void returnsEachPostBeforeItsComments() throws IOException {
		List<Object> records = Records.readAll(SourceFormat.WXR, BLOG);

		assertThat(records.get(0)).isInstanceOf(SourcePost.class);
		assertThat(Records.postsPrecedeTheirComments(records)).isTrue();
		assertThat(Records.comment(records, "1020").postSourceId()).isEqualTo("103");
	}

	@Test
	void refusesAFileThatBreaksOffMidway() throws IOException {
		String whole = Files.readString(BLOG);
		Path truncated = Files.writeString(this.dir.resolve("cut.xml"), whole.substring(0, whole.indexOf("1006")));

		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, truncated)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("breaks off");
	}

	@Test
	void refusesAFileThatIsNotAWordPressExport() throws IOException {
		Path garbage = Files.write(this.dir.resolve("garbage.xml"), new byte[] { 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3 });
		Path html = Files.writeString(this.dir.resolve("page.xml"), "<html><body>hello</body></html>");

		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, garbage)).isInstanceOf(BrokenFile.class);
		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, html)).isInstanceOf(BrokenFile.class)
			.hasMessageContaining("<rss>");
	}

	@Test
	void refusesExternalEntities() throws IOException {
		Path secret = Files.writeString(this.dir.resolve("secret.txt"), "TOP-SECRET");
		Path xxe = Files.writeString(this.dir.resolve("xxe.xml"), """
				<?xml version="1.0"?>
				<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
				<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>
				<title>&xxe;</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>
				</item></channel></rss>
				""".formatted(secret.toUri()), StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, xxe)).isInstanceOf(BrokenFile.class)
			.hasMessageNotContaining("TOP-SECRET");
	}

	@Test
	void refusesEntityExpansion() throws IOException {
		Path laughs = Files.writeString(this.dir.resolve("laughs.xml"), """
				<?xml version="1.0"?>
				<!DOCTYPE rss [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
				<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item>
				<title>&lol2;</title><wp:post_id>1</wp:post_id>
				</item></channel></rss>
				""", StandardCharsets.UTF_8);

		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, laughs)).isInstanceOf(BrokenFile.class);
	}

	@Test
	void reportsACommentOfAnItemWithoutPostId() throws IOException {
		Path file = Files.writeString(this.dir.resolve("noid.xml"), """
				<rss xmlns:wp="http://wordpress.org/export/1.1/"><channel><item>
				<title>No id</title>
				<wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt>
				<wp:comment_approved>1</wp:comment_approved><wp:comment_content>x</wp:comment_content></wp:comment>
				</item></channel></rss>
				""", StandardCharsets.UTF_8);

		List<Object> records = Records.readAll(SourceFormat.WXR, file);

		assertThat(records).hasSize(2).allMatch(BadRecord.class::isInstance);
	}

	@Test
	void readsDatesByPositionAndReportsImpossibleOrOtherShapedOnes() throws IOException {
		Path file = Files.writeString(this.dir.resolve("dates.xml"), """
				<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>
				%s%s%s%s
				</item></channel></rss>
				""".formatted(comment(1, "2019-12-31 23:59:58"), comment(2, "2019-02-30 10:00:00"),
				comment(3, "2019-1-5 10:00:00"), comment(4, " 2020-02-29 00:00:00 ")), StandardCharsets.UTF_8);

		List<Object> records = Records.readAll(SourceFormat.WXR, file);

		assertThat(Records.comment(records, "1").createdAt()).isEqualTo(Instant.parse("2019-12-31T23:59:58Z"));
		assertThat(Records.comment(records, "4").createdAt()).isEqualTo(Instant.parse("2020-02-29T00:00:00Z"));
		assertThat(Records.bad(records)).hasSize(2)
			.allSatisfy(bad -> assertThat(bad.getMessage()).startsWith("A comment date that is not yyyy-MM-dd HH:mm:ss"));
	}

	@Test
	void passesOverAPostsBodyAndMetadataButStillFindsThemBroken() throws IOException {
		String item = """
				<rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				<channel><item><title>T</title><content:encoded><![CDATA[<p>A long body</p>]]></content:encoded>
				<wp:post_id>1</wp:post_id><wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>%s</wp:meta_value></wp:postmeta>
				%s</item></channel></rss>
				""";
		Path good = Files.writeString(this.dir.resolve("meta.xml"), item.formatted("v", comment(1, "2019-01-01 00:00:00")),
				StandardCharsets.UTF_8);
		Path broken = Files.writeString(this.dir.resolve("broken-meta.xml"),
				item.formatted("<oops>", comment(1, "2019-01-01 00:00:00")), StandardCharsets.UTF_8);

		assertThat(Records.comments(Records.readAll(SourceFormat.WXR, good))).singleElement()
			.satisfies(c -> assertThat(c.body()).isEqualTo("Text 1"));
		assertThatThrownBy(() -> Records.readAll(SourceFormat.WXR, broken)).isInstanceOf(BrokenFile.class);
	}

	@Test
	void readsAWordPressComExportWhoseNamespaceIsHttps() throws IOException {
		// WordPress.com writes xmlns:wp="https://wordpress.org/export/1.2/" (the theme unit test data, for one)
		String export = Files.readString(BLOG).replace("http://wordpress.org/export/", "https://wordpress.org/export/");
		assertThat(export).contains("https://wordpress.org/export/");
		Path file = Files.writeString(this.dir.resolve("wordpress-com.xml"), export, StandardCharsets.UTF_8);

		List<Object> fromCom = Records.readAll(SourceFormat.WXR, file);

		assertThat(Records.comments(fromCom)).extracting(SourceComment::sourceId)
			.containsExactlyElementsOf(Records.comments(Records.readAll(SourceFormat.WXR, BLOG)).stream()
				.map(SourceComment::sourceId)
				.toList())
			.isNotEmpty();
	}

	@Test
	void doesNotReadAnotherNamespaceUnderTheWpPrefixAsWordPresss() throws IOException {
		Path file = Files.writeString(this.dir.resolve("lookalike.xml"), """
				<rss xmlns:wp="https://wordpress.org.example/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>
				%s
				</item></channel></rss>
				""".formatted(comment(1, "2019-01-01 00:00:00")), StandardCharsets.UTF_8);

		assertThat(Records.comments(Records.readAll(SourceFormat.WXR, file))).isEmpty();
	}

	@Test
	void readsAPingbacksNameWithItsCharacterReferencesDecoded() throws IOException {
		Path file = Files.writeString(this.dir.resolve("ping.xml"), """
				<rss xmlns:wp="https://wordpress.org/export/1.2/"><channel><item><wp:post_id>1</wp:post_id>
				<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_date_gmt>2019-01-01 00:00:00</wp:comment_date_gmt>
				<wp:comment_author><![CDATA[Ping 1 &laquo; What&#8217;s a tellyworth?]]></wp:comment_author>
				<wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type>
				<wp:comment_content><![CDATA[[...] Just a short one. [...]]]></wp:comment_content></wp:comment>
				</item></channel></rss>
				""", StandardCharsets.UTF_8);

		assertThat(Records.comment(Records.readAll(SourceFormat.WXR, file), "7").authorName())
			.isEqualTo("Ping 1 « What’s a tellyworth?");
	}

	private static String comment(int id, String dateGmt) {
		return """
				<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_date_gmt>%s</wp:comment_date_gmt>
				<wp:comment_approved>1</wp:comment_approved><wp:comment_content>Text %d</wp:comment_content>
				<wp:commentmeta><wp:meta_key>akismet_result</wp:meta_key><wp:meta_value>false</wp:meta_value></wp:commentmeta>
				</wp:comment>""".formatted(id, dateGmt, id);
	}

}
