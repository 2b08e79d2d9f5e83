package dev.moderato.imports.formats;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large WordPress export, generated on the fly, read record by record by a consumer that keeps only counts: the
 * reader itself holds one item's fields and one comment at a time, so the file's size does not show in the heap. The
 * rate is printed for information; nothing is asserted about time.
 */
class WxrStreamingTests {

	private static final int POSTS = 200;

	private static final int COMMENTS_PER_POST = 1_000;

	@TempDir
	Path dir;

	@Test
	void readsTwoHundredThousandCommentsOneAtATime() throws IOException {
		Path file = generate(this.dir.resolve("large.xml"));

		long started = System.nanoTime();
		long posts = 0;
		long comments = 0;
		long replies = 0;
		String lastPost = null;
		boolean commentsFollowTheirPost = true;
		try (SourceReader reader = SourceFormat.WXR.open(file)) {
			for (Object record = reader.next(); record != null; record = reader.next()) {
				if (record instanceof SourcePost post) {
					posts++;
					lastPost = post.sourceId();
				}
				else if (record instanceof SourceComment comment) {
					comments++;
					replies += (comment.parentSourceId() != null) ? 1 : 0;
					commentsFollowTheirPost &= comment.postSourceId().equals(lastPost);
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;

		System.out.printf("WXR streaming: %,d comments in %,d posts (%,d MB) in %.1f s, %,.0f comments/s%n", comments,
				posts, Files.size(file) >> 20, seconds, comments / seconds);
		assertThat(posts).isEqualTo(POSTS);
		assertThat(comments).isEqualTo((long) POSTS * COMMENTS_PER_POST);
		assertThat(replies).isEqualTo((long) POSTS * (COMMENTS_PER_POST - 1));
		assertThat(commentsFollowTheirPost).isTrue();
	}

	private static Path generate(Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("""
					<?xml version="1.0" encoding="UTF-8" ?>
					<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Large</title>
					""");
			long id = 1;
			for (int post = 1; post <= POSTS; post++) {
				out.write("<item><title>Post " + post + "</title><link>https://large.example/" + post
						+ "/</link><wp:post_id>" + post + "</wp:post_id>"
						+ "<wp:post_date_gmt>2026-01-01 00:00:00</wp:post_date_gmt>"
						+ "<wp:comment_status>open</wp:comment_status><wp:post_type>post</wp:post_type>\n");
				for (int n = 0; n < COMMENTS_PER_POST; n++, id++) {
					out.write("<wp:comment><wp:comment_id>" + id + "</wp:comment_id>"
							+ "<wp:comment_author><![CDATA[Leser " + n + "]]></wp:comment_author>"
							+ "<wp:comment_author_email>leser" + n + "@example.org</wp:comment_author_email>"
							+ "<wp:comment_author_IP>192.0.2." + (n % 250) + "</wp:comment_author_IP>"
							+ "<wp:comment_date_gmt>2026-01-02 03:04:05</wp:comment_date_gmt>"
							+ "<wp:comment_content><![CDATA[<p>Kommentar Nummer " + id
							+ " – schön, dass es läuft 🎉</p>]]></wp:comment_content>"
							+ "<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
							+ "<wp:comment_parent>" + ((n == 0) ? 0 : id - 1) + "</wp:comment_parent></wp:comment>\n");
				}
				out.write("</item>\n");
			}
			out.write("</channel></rss>\n");
		}
		return file;
	}

}
