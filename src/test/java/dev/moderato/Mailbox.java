package dev.moderato;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What the real SMTP server (GreenMail) received, by recipient.
 */
public final class Mailbox {

	private final GreenMail greenMail;

	public Mailbox(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	public List<MimeMessage> to(String recipient) {
		return Arrays.stream(this.greenMail.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
	}

	public List<MimeMessage> all() {
		return Arrays.asList(this.greenMail.getReceivedMessages());
	}

	/** The whole message as sent: every header and every part. */
	public static String raw(MimeMessage message) {
		try {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			message.writeTo(out);
			return out.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part. */
	public static String text(MimeMessage message) {
		try {
			return DevMailController.plainText(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean addressedTo(MimeMessage message, String recipient) {
		try {
			Address[] to = message.getRecipients(Message.RecipientType.TO);
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

}
