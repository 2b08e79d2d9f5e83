package dev.moderato.spam;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.fromTrustedCommenter;
import static dev.moderato.spam.Signals.inspect;
import static dev.moderato.spam.Signals.reasons;
import static org.assertj.core.api.Assertions.assertThat;

class LinkSignalsTests {

	private final SpamSettings settings = SpamSettings.defaults();

	@Test
	void findsLinksWithSchemeWwwAndBareHostsButNotEmailsOrFileNames() {
		assertThat(Links.domains("see https://m.youtube.com/watch?v=1, www.example.co.uk and shop.example.biz."))
			.containsExactly("youtube.com", "example.co.uk", "example.biz");
		assertThat(Links.domains("mail bob@example.com or open notes.txt, e.g. this")).isEmpty();
	}

	@Test
	void findsBareHostsOnSpamTopLevelDomainsAndTheReservedExampleDomain() {
		assertThat(Links.domains("Order at softkeys-store.example, bonus on slot88.icu or bet.vip, tips at tips.ltd"))
			.containsExactly("softkeys-store.example", "slot88.icu", "bet.vip", "tips.ltd");
		assertThat(Links.domains("set it in config.yaml, Node.js or app.py, i.e. not here")).isEmpty();
	}

	@Test
	void holdsCommentWithThreeLinks() {
		List<Finding> findings = inspect(new LinkCount(this.settings),
				fromKnownCommenter("a.example.com b.example.org c.example.net"));
		assertThat(reasons(findings)).containsExactly("3 links");
		assertThat(findings.get(0).effect()).isEqualTo(Finding.Effect.HOLD);
	}

	@Test
	void allowsTwoLinks() {
		assertThat(inspect(new LinkCount(this.settings), fromKnownCommenter("a.example.com and b.example.org")))
			.isEmpty();
	}

	@Test
	void trustsLinksFromTrustedCommenters() {
		assertThat(inspect(new LinkCount(this.settings),
				fromTrustedCommenter("a.example.com b.example.org c.example.net")))
			.isEmpty();
	}

	@Test
	void namesDomainSeenInSpam() {
		DomainReputation domains = new DomainReputation();
		for (int i = 0; i < 12; i++) {
			domains.learn(List.of("pills.example"), true);
		}
		assertThat(reasons(inspect(new LinkedDomains(), fromKnownCommenter("buy at https://pills.example/now"), domains)))
			.containsExactly("links to a domain seen in 12 spam comments");
	}

	@Test
	void ignoresDomainMostlySeenInHam() {
		DomainReputation domains = new DomainReputation();
		for (int i = 0; i < 5; i++) {
			domains.learn(List.of("wikipedia.org"), true);
			domains.learn(List.of("wikipedia.org"), false);
		}
		assertThat(inspect(new LinkedDomains(), fromKnownCommenter("see en.wikipedia.org/wiki/Spam"), domains)).isEmpty();
	}

	@Test
	void flagsUrlShorteners() {
		assertThat(reasons(inspect(new Shorteners(), fromKnownCommenter("look adf.ly/KlD3Y"))))
			.containsExactly("links through a URL shortener");
	}

}
