package dev.moderato.spam;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static org.assertj.core.api.Assertions.assertThat;

class LearningTests {

	@Test
	void catchesSpamPatternAfterAFewModeratorDecisions() {
		SpamFilter filter = SpamFilter.withDefaultModel(SpamSettings.defaults());
		String pattern = "Win a free %s T-shirt in our raffle today";
		assertThat(filter.assess(fromKnownCommenter(pattern.formatted("Helga"))).verdict()).isEqualTo(Verdict.HELD);

		for (String name : new String[] { "Olga", "Marta", "Frieda", "Greta" }) {
			filter.learn(fromKnownCommenter(pattern.formatted(name)), true);
		}

		Assessment later = filter.assess(fromKnownCommenter(pattern.formatted("Ilse")));
		assertThat(later.verdict()).isEqualTo(Verdict.SPAM);
	}

	@Test
	void approvesWronglyHeldHamPatternAfterAFewModeratorDecisions() {
		SpamFilter filter = SpamFilter.withDefaultModel(SpamSettings.defaults());
		String pattern = "Earn a %s certificate online in two weeks";
		assertThat(filter.assess(fromKnownCommenter(pattern.formatted("Gradle"))).verdict()).isEqualTo(Verdict.HELD);

		for (String tool : new String[] { "Maven", "Ant", "Bazel", "sbt" }) {
			filter.learn(fromKnownCommenter(pattern.formatted(tool)), false);
		}

		assertThat(filter.assess(fromKnownCommenter(pattern.formatted("Make"))).verdict())
			.isEqualTo(Verdict.APPROVED);
	}

	@Test
	void learnsDomainReputationFromDecisions() {
		SpamFilter filter = SpamFilter.untrained(SpamSettings.defaults());
		for (int i = 0; i < 12; i++) {
			filter.learn(fromKnownCommenter("great deals at https://deals.biz/" + i), true);
		}
		assertThat(filter.assess(fromKnownCommenter("see deals.biz/x")).reasons())
			.contains("links to a domain seen in 12 spam comments");
	}

}
