package dev.moderato.notification;

import java.time.Duration;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP timeouts the mail sender was given ({@code spring.mail.properties.mail.smtp.connectiontimeout},
 * {@code .timeout}, {@code .writetimeout}, in milliseconds). Jakarta Mail waits forever without them, so a relay that
 * accepts a connection and never answers would hang the sender; the dispatcher sizes its lease from them.
 *
 * @param connect to open the connection; null: unbounded
 * @param read for each answer of the server; null: unbounded
 * @param write for each write to the server; null: unbounded
 */
record SmtpTimeouts(@Nullable Duration connect, @Nullable Duration read, @Nullable Duration write) {

	static SmtpTimeouts of(JavaMailSender sender) {
		if (!(sender instanceof JavaMailSenderImpl impl)) {
			return new SmtpTimeouts(null, null, null);
		}
		Properties properties = impl.getJavaMailProperties();
		String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
		return new SmtpTimeouts(millis(properties, protocol, "connectiontimeout"), millis(properties, protocol, "timeout"),
				millis(properties, protocol, "writetimeout"));
	}

	boolean bounded() {
		return this.connect != null && this.read != null && this.write != null;
	}

	/** The longest one mail can take when the server stalls: a (re)connect, an answer and a write. */
	Duration perMail() {
		return nonNull(this.connect).plus(nonNull(this.read)).plus(nonNull(this.write));
	}

	private static Duration nonNull(@Nullable Duration duration) {
		return duration == null ? Duration.ZERO : duration;
	}

	private static @Nullable Duration millis(Properties properties, String protocol, String name) {
		String value = properties.getProperty("mail." + protocol + "." + name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long millis = Long.parseLong(value.strip());
			return millis > 0 ? Duration.ofMillis(millis) : null; // Jakarta Mail: zero or less is infinite
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
