package dev.moderato.notification;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A rendered mail, ready to record and send.
 *
 * @param recipient the address, held in memory only: it is stored encrypted
 * @param unsubscribeUrl the one-click unsubscribe address for the {@code List-Unsubscribe} header, if any
 */
record Mail(String recipient, String subject, String text, String html, @Nullable String unsubscribeUrl) {

	Mail {
		Objects.requireNonNull(recipient, "recipient");
		subject = MailHeaders.safe(Objects.requireNonNull(subject, "subject"));
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

	Mail(String recipient, String subject, String text, String html) {
		this(recipient, subject, text, html, null);
	}

	@Override
	public String toString() {
		return "Mail[" + this.subject + "]";
	}

}
