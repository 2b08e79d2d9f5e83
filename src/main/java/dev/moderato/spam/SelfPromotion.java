package dev.moderato.spam;

import java.util.List;

/**
 * Signal: a pitch formula ({@link Bait#PITCH}), a money or sales word readers use too ({@link Bait#TOPIC}) with a way
 * to act on it off the blog, or a request to be contacted ({@link Bait#CONTACT}) with a way to make contact in the
 * comment: specific evidence of spam, though it does not move the score by itself (the text model already weighs each
 * phrase).
 */
final class SelfPromotion implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int pitch = Bait.PITCH.firstMatch(evidence.text());
		if (pitch >= 0) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.PITCH.phrase(pitch) + "')", 0));
			return;
		}
		int topic = Bait.TOPIC.firstMatch(evidence.text());
		if (topic >= 0 && Bait.offersAWayOut(evidence.text())) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.TOPIC.phrase(topic) + "')", 0));
			return;
		}
		int contact = Bait.CONTACT.firstMatch(evidence.text());
		if (contact >= 0 && Bait.reachable(evidence.text())) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.CONTACT.phrase(contact) + "')", 0));
		}
	}

}
