package dev.moderato.spam;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Signal: links to a domain that has mostly appeared in spam, by the reputation learned from decisions. Widely used
 * reference sites (YouTube, Wikipedia, IMDb, GitHub, ...) appear in spam and in readers' comments alike, so the
 * bundled training data says nothing about them; only this site's own moderators' decisions do.
 */
final class LinkedDomains implements Signal {

	static final int MIN_SPAM = 3;

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		@Nullable String worst = null;
		int worstSpam = 0;
		Set<String> seen = new HashSet<>();
		for (String domain : evidence.text().domains) {
			if (seen.add(domain)) {
				int spam = evidence.domains().spam(domain);
				int ham = evidence.domains().ham(domain);
				if (spam >= MIN_SPAM && spam >= 4 * ham && spam > worstSpam) {
					worst = domain;
					worstSpam = spam;
				}
			}
		}
		if (worst != null) {
			findings.add(Finding.evidence("links to a domain seen in " + worstSpam + " spam comments",
					Math.min(2.0, 0.5 + Math.log10(worstSpam))));
		}
	}

}
