package dev.moderato.system;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored errors and log lines never carry a recipient address, whatever the SMTP server put into its answer.
 */
class ScrubbedErrorTests {

	@Test
	void removesEveryAddressFromTheMessageAndItsCauses() {
		Exception ex = new MessagingException("Invalid Addresses",
				new SendFailedException("550 5.1.1 <ann.o'neil+blog@example.org>: Recipient address rejected"));

		String error = ScrubbedError.of(ex);

		assertThat(error).isEqualTo("MessagingException: Invalid Addresses; caused by SendFailedException: "
				+ "550 5.1.1 <[address]>: Recipient address rejected");
	}

	@Test
	void keepsTextWithoutAddressesAsItIs() {
		assertThat(ScrubbedError.scrub("Couldn't connect to host, port: 127.0.0.1, 25; timeout 10000"))
			.isEqualTo("Couldn't connect to host, port: 127.0.0.1, 25; timeout 10000");
	}

	@Test
	void boundsTheLength() {
		assertThat(ScrubbedError.of(new IllegalStateException("x".repeat(5000)))).hasSize(1000);
	}

}
