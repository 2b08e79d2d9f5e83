package dev.moderato.comments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentHtmlTests {

	@Test
	void escapesMarkupSoNothingIsExecuted() {
		assertThat(CommentHtml.render("<script>alert(1)</script> & <img src=x onerror=alert(1)>"))
			.isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src&#61;x onerror&#61;alert(1)&gt;</p>");
	}

	@Test
	void linksGetNofollowUgc() {
		assertThat(CommentHtml.render("see https://example.com/a?b=1&c=2."))
			.isEqualTo("<p>see <a href=\"https://example.com/a?b&#61;1&amp;c&#61;2\" rel=\"nofollow ugc noopener\">"
					+ "https://example.com/a?b&#61;1&amp;c&#61;2</a>.</p>");
	}

	@Test
	void onlyHttpLinksAreLinked() {
		assertThat(CommentHtml.render("javascript:alert(1) data:text/html,x")).doesNotContain("<a");
	}

	@Test
	void keepsParagraphsAndLineBreaks() {
		assertThat(CommentHtml.render("one\ntwo\n\nthree")).isEqualTo("<p>one<br />two</p><p>three</p>");
	}

	@Test
	void quotesInUrlsCannotBreakOutOfTheAttribute() {
		assertThat(CommentHtml.render("http://x.example/\"onmouseover=alert(1)")).doesNotContain("\"onmouseover");
	}

}
