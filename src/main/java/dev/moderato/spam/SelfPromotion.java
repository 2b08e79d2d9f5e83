package dev.moderato.spam;

import java.util.List;

/**
 * Signal: a self-promotion, money, sales or contact phrase ({@link Bait#STRONG}, or {@link Bait#CONTACT} with a way
 * to make contact in the comment): specific evidence of spam, though it does not move the score by itself (the text
 * model already weighs each phrase).
 */
final class SelfPromotion implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int phrase = Bait.STRONG.firstMatch(evidence.text());
		if (phrase >= 0) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.STRONG.phrase(phrase) + "')", 0));
			return;
		}
		int contact = Bait.CONTACT.firstMatch(evidence.text());
		if (contact >= 0 && Bait.reachable(evidence.text())) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.CONTACT.phrase(contact) + "')", 0));
		}
	}

}
