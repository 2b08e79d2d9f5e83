package dev.moderato.spam;

import java.util.HashMap;
import java.util.Map;

/**
 * How often each linked domain appeared in comments judged spam and in comments judged ham, learned from training
 * and moderator decisions. Bounded: once {@value #MAX_DOMAINS} domains are known, new ones are not tracked. Not
 * thread-safe: the engine guards it.
 */
final class DomainReputation {

	static final int MAX_DOMAINS = 200_000;

	/** Per domain: {ham, spam}. */
	final Map<String, int[]> counts = new HashMap<>();

	void learn(Iterable<String> domains, boolean spam) {
		java.util.Set<String> distinct = new java.util.HashSet<>();
		domains.forEach(distinct::add);
		for (String domain : distinct) {
			int[] c = this.counts.get(domain);
			if (c == null) {
				if (this.counts.size() >= MAX_DOMAINS) {
					continue;
				}
				c = new int[2];
				this.counts.put(domain, c);
			}
			c[spam ? 1 : 0]++;
		}
	}

	int spam(String domain) {
		int[] c = this.counts.get(domain);
		return c == null ? 0 : c[1];
	}

	int ham(String domain) {
		int[] c = this.counts.get(domain);
		return c == null ? 0 : c[0];
	}

}
