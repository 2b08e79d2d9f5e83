package dev.moderato.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source's comment HTML becomes the plain text the thread renders safely.
 */
class SourceTextTests {

	@Test
	void keepsParagraphsLineBreaksAndDecodedCharacters() {
		assertThat(SourceText.of("<p>Caf&eacute; &amp; &#9731;</p><p>line one<br/>line two</p>", true))
			.isEqualTo("Café & ☃\n\nline one\nline two");
	}

	@Test
	void dropsScriptsAndKeepsALinksAddress() {
		assertThat(SourceText.of("Read <a href=\"https://example.org/x\">this</a><script>alert(1)</script>!", true))
			.isEqualTo("Read this (https://example.org/x)!");
	}

	@Test
	void leavesPlainTextAsItIs() {
		assertThat(SourceText.of("  <b>not html</b> here\r\n", false)).isEqualTo("<b>not html</b> here");
	}

}
