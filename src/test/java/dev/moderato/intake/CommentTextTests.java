package dev.moderato.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentTextTests {

	@Test
	void dropsControlCharactersButKeepsTabsAndLineBreaks() {
		assertThat(CommentText.normalise("a\u0000b\u0007c\td\u009Fe")).isEqualTo("abc\tde");
	}

	@Test
	void normalisesLineBreaksAndTrims() {
		assertThat(CommentText.normalise("  one\r\ntwo\rthree\n ")).isEqualTo("one\ntwo\nthree");
	}

	@Test
	void keepsUnicodeAsItIs() {
		assertThat(CommentText.normalise("Zoë 👍 ﷽ \u202Etext")).isEqualTo("Zoë 👍 ﷽ \u202Etext");
	}

}
