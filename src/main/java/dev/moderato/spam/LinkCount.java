package dev.moderato.spam;

import java.util.List;

/**
 * Signal: more links than the policy allows ({@code maxLinks}) hold the comment; trusted commenters are exempt.
 */
final class LinkCount implements Signal {

	private final SpamSettings settings;

	LinkCount(SpamSettings settings) {
		this.settings = settings;
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		int links = evidence.text().domains.size();
		if (links > this.settings.maxLinks() && !this.settings.trusts(evidence.candidate())) {
			findings.add(Finding.hold(links + " links", 0.5 * Math.min(links - this.settings.maxLinks(), 4)));
		}
	}

}
