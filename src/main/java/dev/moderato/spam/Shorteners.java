package dev.moderato.spam;

import java.util.List;
import java.util.Set;

/**
 * Signal: a link through a URL shortener or ad-link service, which hides where it leads.
 */
final class Shorteners implements Signal {

	static final Set<String> DOMAINS = Set.of("bit.ly", "adf.ly", "goo.gl", "tinyurl.com", "ow.ly", "t.co", "is.gd",
			"buff.ly", "cutt.ly", "shorturl.at", "rebrand.ly", "tiny.cc", "bc.vc", "sh.st", "ouo.io", "adfoc.us",
			"linkvertise.com", "shorte.st", "v.gd", "rb.gy");

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		for (String domain : evidence.text().domains) {
			if (DOMAINS.contains(domain)) {
				findings.add(Finding.score("links through a URL shortener", 1.5));
				return;
			}
		}
	}

}
