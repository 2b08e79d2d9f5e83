package dev.moderato.gdpr;

import dev.moderato.moderation.ModerationSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mails a commenter the confirmation link for their own request, off the request thread (so the answer takes as long
 * whether or not a mail goes out) and outside any transaction. Multipart; the headers carry nothing about the
 * commenter but the To address. If it cannot be sent the request is withdrawn, so the address may ask again.
 */
@Component
class RequestMail {

	private static final Logger log = LoggerFactory.getLogger(RequestMail.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final PrivacyRequests requests;

	private final GdprSettings settings;

	private final String publicUrl;

	private final TaskExecutor executor;

	RequestMail(ObjectProvider<JavaMailSender> mailSender, PrivacyRequests requests, GdprSettings settings,
			ModerationSettings moderation, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.mailSender = mailSender;
		this.requests = requests;
		this.settings = settings;
		this.publicUrl = moderation.publicUrl().replaceAll("/+$", "");
		this.executor = executor;
	}

	void sendLater(PrivacyRequests.Opened request) {
		this.executor.execute(() -> send(request));
	}

	private void send(PrivacyRequests.Opened request) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		try {
			if (sender == null) {
				throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
			}
			sender.send(message(sender, request));
			log.atInfo().addKeyValue("requestId", request.id()).addKeyValue("kind", request.kind().wireValue())
				.log("Privacy request confirmation mailed");
		}
		catch (MailException | MessagingException | IllegalStateException ex) {
			this.requests.withdraw(request.id());
			log.atWarn().addKeyValue("requestId", request.id())
				.log("Privacy request confirmation not sent, request withdrawn: {}", ex.getClass().getSimpleName());
		}
	}

	private MimeMessage message(JavaMailSender sender, PrivacyRequests.Opened request) throws MessagingException {
		String link = this.publicUrl + "/privacy/confirm/" + request.token();
		String what = request.kind() == RequestKind.EXPORT ? "a copy of everything stored about this address"
				: "to erase everything stored about this address (your comments stay, shown as by \"deleted\")";
		String text = """
				Someone, hopefully you, asked for %s.

				To confirm, open this link (it works once and expires in %d hours):
				%s

				If it was not you, ignore this mail: nothing happens.
				""".formatted(what, this.settings.requestLinkTtl().toHours(), link);
		String html = "<p>Someone, hopefully you, asked for " + HtmlUtils.htmlEscape(what) + ".</p>"
				+ "<p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">Confirm</a> (the link works once and expires in "
				+ this.settings.requestLinkTtl().toHours() + " hours).</p>"
				+ "<p>If it was not you, ignore this mail: nothing happens.</p>";
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.mailFrom());
		helper.setTo(request.email());
		helper.setSubject(request.kind() == RequestKind.EXPORT ? "Confirm your data export" : "Confirm erasing your data");
		helper.setText(text, html);
		return message;
	}

}
