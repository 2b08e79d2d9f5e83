package dev.moderato.spam;

import java.util.List;

/**
 * Signal: a self-promotion, money, sales or contact phrase ({@link Bait#STRONG}): specific evidence of spam, though
 * it does not move the score by itself (the text model already weighs each phrase).
 */
final class SelfPromotion implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int phrase = Bait.STRONG.firstMatch(evidence.text());
		if (phrase >= 0) {
			findings.add(Finding.evidence("self-promotion or sales wording ('" + Bait.STRONG.phrase(phrase) + "')", 0));
		}
	}

}
