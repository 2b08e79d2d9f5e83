package dev.moderato.spam;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.fromTrustedCommenter;
import static dev.moderato.spam.Candidates.withAuthor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A commercial payload (a keyword-stuffed link or author website) is never approved, however harmless the words that
 * carry it; a request to be contacted with no way to do it ("call me when you're free") is not evidence of spam, nor
 * are the money and sales words readers use about their own lives (bitcoin, followers, kisses) without a way to act on
 * them off the blog.
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

	@Test
	void readersUsingWordsThatSpamUsesTooAreNeverMarkedSpam() {
		String[][] readers = { { "So sorry for your loss. Thinking of you xxx", "Losing Dad" },
				{ "We have 2k followers on our local cycling group page and everyone is furious about this decision.",
						"Council scraps the Elm Street bike lane" },
				{ "I keep 5% in bitcoin and the rest in a world index fund. Rebalance once a year, that's it.",
						"Index funds vs crypto" },
				{ "Our school's WhatsApp group shared this post and now every parent is arguing about tablets.",
						"Screen time for kids" } };
		for (String[] reader : readers) {
			Assessment assessment = FILTER.assess(fromKnownCommenter(reader[0]).onPost(reader[1], null));

			assertThat(assessment.verdict()).as(reader[0]).isNotEqualTo(Verdict.SPAM);
			assertThat(assessment.reasons()).as(reader[0])
				.noneMatch((reason) -> reason.startsWith("self-promotion or sales wording"))
				.doesNotContain("asks to be contacted off the blog");
		}
	}

	@Test
	void theSameWordsWithAWayToActOnThemOffTheBlogAreEvidence() {
		Assessment pitch = FILTER.assess(fromKnownCommenter(
				"My bitcoin account grows 5% per day, start yours at https://btc-daily-profit.example/join"));
		Assessment messenger = FILTER.assess(fromKnownCommenter(
				"Hire a professional hacker to recover lost crypto, hack Instagram, WhatsApp or change university grades. Contact hackerspytech on telegram."));

		assertThat(pitch.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(pitch.reasons()).anyMatch((reason) -> reason.startsWith("self-promotion or sales wording"));
		assertThat(messenger.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(messenger.reasons()).contains("names a messenger app");
	}

	@Test
	void aReaderGivingAHelplineNumberIsNeverMarkedSpam() {
		Assessment helpline = FILTER.assess(fromKnownCommenter(
				"In the US, Postpartum Support International's HelpLine also covers pregnancy loss: 1-800-944-4773. Please call if you need to.")
			.onPost("Eleven weeks", null));

		assertThat(helpline.verdict()).isNotEqualTo(Verdict.SPAM);
		assertThat(helpline.reasons()).contains("a phone number");
	}

	@Test
	void aPhoneNumberSoldWithAPrizeIsEvidence() {
		Assessment prize = FILTER.assess(fromKnownCommenter(
				"URGENT! You have won a 1 week FREE membership in our £100,000 prize draw! Call 09061701461 to claim your prize now"));

		assertThat(prize.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(prize.reasons()).contains("a phone number");
	}

}
