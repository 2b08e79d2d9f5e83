package dev.moderato.spam;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.fromTrustedCommenter;
import static dev.moderato.spam.Candidates.withAuthor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commercial payload (a keyword-stuffed link or author website) is never approved, however harmless the words that
 * carry it; a request to be contacted with no way to do it ("call me when you're free") is not evidence of spam.
 */
class PayloadAndContactTests {

	static final SpamFilter FILTER = SpamFilter.withDefaultModel(SpamSettings.defaults());

	@Test
	void aShortThanksWhosePayloadIsAKeywordStuffedWebsiteIsHeld() {
		Assessment thanks = FILTER.assess(withAuthor("Thanks for the recipe", "Keto Diet Pills",
				"https://keto-diet-pills-fast-weight-loss.com"));

		assertThat(thanks.verdict()).isEqualTo(Verdict.HELD);
		assertThat(thanks.reasons()).contains("author website is stuffed with keywords");
	}

	@Test
	void anOnTopicSentenceCarryingAKeywordStuffedLinkIsHeldEvenFromATrustedCommenter() {
		Assessment copied = FILTER.assess(fromTrustedCommenter(
				"Dimple the dough with oiled fingers and sprinkle the flaky salt before baking. Buy premium sea salt at https://gourmet-salt-wholesale-discount.com")
			.onPost("Sourdough focaccia with rosemary and flaky salt", null));

		assertThat(copied.verdict()).isNotEqualTo(Verdict.APPROVED);
		assertThat(copied.reasons()).contains("links to a site whose name is stuffed with sales keywords");
	}

	@Test
	void askingToBeCalledWithoutANumberIsNotEvidenceOfSpam() {
		Assessment call = FILTER
			.assess(fromKnownCommenter("Would really appreciate if you call me. Just need someone to talk to."));

		assertThat(call.verdict()).isNotEqualTo(Verdict.SPAM);
		assertThat(call.reasons()).doesNotContain("asks to be contacted off the blog");
	}

	@Test
	void askingToBeCalledWithANumberStillIs() {
		Assessment call = FILTER.assess(fromKnownCommenter("Cheap loans, call me now on +1 (555) 123-4567"));

		assertThat(call.reasons()).contains("asks to be contacted off the blog");
	}

}
