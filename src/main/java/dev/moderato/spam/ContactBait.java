package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the text offers a way to reach the writer off the blog: a phone number, an email address, or a messenger
 * ("whatsapp me"). The details themselves never appear in the reason.
 */
final class ContactBait implements Signal {

	private static final Phrases MESSENGERS = Phrases.of("whatsapp", "telegram", "wechat", "kik", "dm me",
			"inbox me", "contact me", "call me", "text me", "email me", "mail me");

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		if (text.phoneNumbers > 0) {
			findings.add(Finding.evidence(text.phoneNumbers == 1 ? "a phone number" : text.phoneNumbers + " phone numbers",
					1.5));
		}
		if (text.emailAddresses > 0) {
			findings.add(Finding.evidence("an email address in the text", 1.0));
		}
		if (MESSENGERS.firstMatch(text) >= 0) {
			findings.add(Finding.evidence("asks to be contacted off the blog", 0.7));
		}
	}

}
