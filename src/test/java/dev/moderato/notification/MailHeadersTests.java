package dev.moderato.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailHeadersTests {

	@Test
	void lineBreaksAndControlCharactersCannotAddAHeader() {
		assertThat(MailHeaders.safe("Hello\r\nBcc: victim@example.com")).isEqualTo("Hello  Bcc: victim@example.com");
		assertThat(MailHeaders.safe("a\u0000b\u2028c\td")).isEqualTo("a b c d");
	}

	@Test
	void longValuesAreCut() {
		assertThat(MailHeaders.safe("x".repeat(1000))).hasSize(200);
	}

	@Test
	void subjectOfARenderedMailIsSafe() {
		assertThat(new Mail("a@b.example", "New\ncomment", "t", "h").subject()).isEqualTo("New comment");
	}

}
