package dev.moderato.spam;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each site learns from its own moderators' decisions on top of the shared prior: a decision moves its own site's
 * verdicts within a handful, and no other site's.
 */
class SiteLearningTests {

	static final String PATTERN = "Grandma's secret remedy for knee pain, order the herbal kit from %s today";

	static final List<String> OTHERS = List.of("check out my channel please", "I love this song",
			"win money at https://deals.biz now", "Thanks, very clear explanation.", PATTERN.formatted("Ilse"));

	@Test
	void aSitesDecisionsMoveOnlyThatSitesVerdicts() {
		SpamFilter filter = SpamFilter.withDefaultModel(SpamSettings.defaults());
		assertThat(filter.assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite("knitting")).verdict())
			.as("before any decision, the pitch alone is not evidence enough")
			.isNotEqualTo(Verdict.SPAM);

		for (String name : new String[] { "Olga", "Marta", "Frieda", "Greta" }) {
			filter.learn(fromKnownCommenter(PATTERN.formatted(name)).onSite("knitting"), true);
		}

		assertThat(filter.assess(fromKnownCommenter(PATTERN.formatted("Ilse")).onSite("knitting")).verdict())
			.isEqualTo(Verdict.SPAM);
		SpamFilter untouched = SpamFilter.withDefaultModel(SpamSettings.defaults());
		for (String text : OTHERS) {
			assertThat(filter.assess(fromKnownCommenter(text).onSite("cooking")))
				.as("another site still has the prior alone: %s", text)
				.isEqualTo(untouched.assess(fromKnownCommenter(text).onSite("cooking")));
			assertThat(filter.assess(fromKnownCommenter(text)))
				.as("and so has the default site: %s", text)
				.isEqualTo(untouched.assess(fromKnownCommenter(text)));
		}
	}

	@Test
	void aSiteLayerSnapshotRestoresExactlyThatSite() {
		SpamFilter filter = SpamFilter.withDefaultModel(SpamSettings.defaults());
		filter.learn(fromKnownCommenter("buy followers at https://deals.biz").onSite("knitting"), true);
		filter.learn(fromKnownCommenter("Thanks, very clear explanation.").onSite("knitting"), false);

		Model knitting = filter.resident("knitting");
		Model restored = filter.siteModelFrom(filter.siteSnapshot(knitting));

		for (String text : OTHERS) {
			assertThat(filter.assess(restored, fromKnownCommenter(text)))
				.isEqualTo(filter.assess(fromKnownCommenter(text).onSite("knitting")));
		}
	}

	@Test
	void theWholeModelSnapshotOfBeforeSitesIsReadAsTheDefaultSitesLayer() {
		SpamFilter before = SpamFilter.withDefaultModel(SpamSettings.defaults());
		before.learn(fromKnownCommenter("buy followers at https://deals.biz"), true);
		SpamFilter now = SpamFilter.withDefaultModel(SpamSettings.defaults());

		Model site = now.siteModelFrom(before.snapshot());

		for (String text : OTHERS) {
			assertThat(now.assess(site, fromKnownCommenter(text))).isEqualTo(before.assess(fromKnownCommenter(text)));
		}
	}

}
