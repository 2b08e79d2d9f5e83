package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the text offers a way to reach the writer off the blog: a phone number, an email address, or a messenger
 * ("whatsapp me"). A request to be contacted ("call me") is specific evidence only with a way to do it in the
 * comment. The details themselves never appear in the reason.
 */
final class ContactBait implements Signal {


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
		if (Bait.MESSENGERS.firstMatch(text) >= 0 || (Bait.CONTACT.firstMatch(text) >= 0 && Bait.reachable(text))) {
			findings.add(Finding.evidence("asks to be contacted off the blog", 0.7));
		}
		else if (Bait.CONTACT.firstMatch(text) >= 0) {
			// "call me when you are free": no way to do it is given, so it says nothing specific
			findings.add(Finding.score("asks to be contacted, without saying how", 0.3));
		}
	}

}
