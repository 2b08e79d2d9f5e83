package dev.moderato.spam;

import java.util.List;

/**
 * Signal: a link through a URL shortener or ad-link service, which hides where it leads.
 */
final class Shorteners implements Signal {

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Analysis text = evidence.text();
		for (int i = 0; i < text.domains.size(); i++) {
			if (LinkTargets.of(text.hosts.get(i), text.domains.get(i)) == LinkTargets.Kind.SHORTENER) {
				findings.add(Finding.evidence("links through a URL shortener", 1.5));
				return;
			}
		}
	}

}
