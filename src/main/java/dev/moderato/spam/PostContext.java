package dev.moderato.spam;

import java.util.List;

/**
 * Signal: the comment engages with the post it is under, using the post's own words (its title or address). Spam is
 * generic; a reader's question or correction names what the post is about. Lowers the score; never raises it, since
 * a post's title is often short and a reader need not repeat it.
 */
final class PostContext implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		if (!evidence.topic().known() || evidence.text().wordCount < 4) {
			return;
		}
		int shared = evidence.topic().sharedWords(evidence.text());
		if (shared > 0) {
			findings.add(Finding.score("talks about what the post is about", shared >= 2 ? -1.0 : -0.6));
		}
	}

}
