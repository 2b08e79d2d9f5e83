package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the text offers a way to reach the writer off the blog: a phone number (specific evidence only with
 * something that sells it or asks to be reached on it, since readers give helplines), an email address, or a messenger
 * with a number or an address to reach them there ("whatsapp +1 555…"; a reader's "our school's WhatsApp group" is
 * none). A request to be contacted ("call me") is specific evidence only with a way to do it in the comment. The
 * details themselves never appear in the reason.
 */
final class ContactBait implements Signal {

	/**
	 * A messenger named without a number or an address to reach anyone there: evidence only where the wording is
	 * near-certain spam ({@link VerdictPolicy#NEAR_CERTAIN}: "contact hackerspytech on telegram"), since readers name
	 * their family's WhatsApp group too.
	 */
	static final Finding MESSENGER = Finding.score("names a messenger app", 0);

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		boolean messenger = Bait.MESSENGERS.firstMatch(text) >= 0;
		boolean contact = Bait.CONTACT.firstMatch(text) >= 0;
		if (text.phoneNumbers > 0) {
			String reason = text.phoneNumbers == 1 ? "a phone number" : text.phoneNumbers + " phone numbers";
			// a number given to help ("the Samaritans are on 116 123") is not one being sold: evidence only with
			// something that sells it, or asks to be reached on it
			boolean sold = messenger || contact || text.emailAddresses > 0 || Bait.linksOffTheBlog(text)
					|| Bait.PITCH.firstMatch(text) >= 0 || Bait.TOPIC.firstMatch(text) >= 0
					|| Bait.PRIZE.firstMatch(text) >= 0;
			findings.add(sold ? Finding.evidence(reason, 1.5) : Finding.score(reason, 1.5));
		}
		if (text.emailAddresses > 0) {
			findings.add(Finding.evidence("an email address in the text", 1.0));
		}
		if ((messenger && Bait.offersAWayOut(text)) || (contact && Bait.reachable(text))) {
			findings.add(Finding.evidence("asks to be contacted off the blog", 0.7));
		}
		else if (messenger) {
			findings.add(MESSENGER);
		}
		else if (contact) {
			// "call me when you are free": no way to do it is given, so it says nothing specific
			findings.add(Finding.score("asks to be contacted, without saying how", 0.3));
		}
	}

}
