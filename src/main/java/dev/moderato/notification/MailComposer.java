package dev.moderato.notification;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders a mail from its templates: {@code templates/mail/NAME.txt} for the plain part and
 * {@code templates/mail/NAME.html} for the HTML part (everything escaped).
 */
@Component
class MailComposer {

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	Mail compose(String template, String recipient, String subject, Map<String, Object> model) {
		return compose(template, recipient, subject, model, null);
	}

	/** A mail whose {@code List-Unsubscribe} header points at the given one-click address. */
	Mail compose(String template, String recipient, String subject, Map<String, Object> model,
			@Nullable String unsubscribeUrl) {
		Context context = new Context();
		context.setVariables(model);
		return new Mail(recipient, subject, this.text.process(template, context), this.html.process(template, context),
				unsubscribeUrl);
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
