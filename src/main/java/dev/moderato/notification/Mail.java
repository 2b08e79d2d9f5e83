package dev.moderato.notification;

import java.util.Objects;

/**
 * A rendered mail, ready to record and send.
 */
record Mail(String recipient, String subject, String text, String html) {

	Mail {
		Objects.requireNonNull(recipient, "recipient");
		subject = MailHeaders.safe(Objects.requireNonNull(subject, "subject"));
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

	@Override
	public String toString() {
		return "Mail[" + this.subject + "]";
	}

}
