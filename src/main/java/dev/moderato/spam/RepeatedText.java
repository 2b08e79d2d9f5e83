package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the same or nearly the same text was left on other posts (near-duplicates counted by the caller with
 * {@link TextFingerprint}).
 */
final class RepeatedText implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int others = evidence.candidate().sameTextOnOtherPosts();
		if (others == 0 || evidence.text().wordCount < 3) {
			return; // "thanks!" on many posts is normal
		}
		String reason = "same text left on " + others + (others == 1 ? " other post" : " other posts");
		double weight = Math.min(3.0, 0.8 * others);
		findings.add(others >= 3 ? Finding.heldEvidence(reason, weight) : Finding.evidence(reason, weight));
	}

}
