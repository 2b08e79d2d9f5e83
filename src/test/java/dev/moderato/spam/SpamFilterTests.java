package dev.moderato.spam;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static dev.moderato.spam.Candidates.fromNewCommenter;
import static dev.moderato.spam.Candidates.fromTrustedCommenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpamFilterTests {

	private static SpamFilter shipped;

	@BeforeAll
	static void trainDefaultModel() {
		shipped = SpamFilter.withDefaultModel(SpamSettings.defaults());
	}

	@Test
	void marksChannelPromotionSpamAndSaysWhy() {
		Assessment assessment = shipped.assess(fromKnownCommenter("Hey guys check out my new channel and subscribe!!"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(assessment.reasons().get(0)).matches("wording reads like spam \\(text model 1\\.00\\): '.*check out.*'");
	}

	@Test
	void approvesOrdinaryCommentFromKnownCommenter() {
		Assessment assessment = shipped.assess(fromKnownCommenter("I love this song, it reminds me of summer"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.APPROVED);
		assertThat(assessment.score()).isLessThan(0.25);
	}

	@Test
	void confidentSpamBeatsHoldingTheFirstComment() {
		assertThat(shipped.assess(fromNewCommenter("Hey guys check out my new channel and subscribe!!")).verdict())
			.isEqualTo(Verdict.SPAM);
	}

	@Test
	void holdsFirstCommentThatWouldBeApproved() {
		Assessment assessment = shipped.assess(fromNewCommenter("I love this song, it reminds me of summer"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.HELD);
		assertThat(assessment.reasons()).contains("first comment from this commenter");
	}

	@Test
	void holdsRatherThanMarksSpamWhenOnlyTheTextModelObjects() {
		VerdictPolicy policy = new VerdictPolicy(SpamSettings.defaults());
		double sure = Math.log(0.99 / 0.01);
		Assessment unsupported = policy.decide(sure, 0, 0, "some phrase", List.of(), false);
		assertThat(unsupported.verdict()).isEqualTo(Verdict.HELD);
		assertThat(unsupported.reasons()).contains(
				"held, not marked spam: nothing specific (a link, contact details, sales wording) shows spam");
		assertThat(policy.decide(sure, 0, 0, "some phrase", List.of(Finding.evidence("a phone number", 1.5)), false)
			.verdict()).isEqualTo(Verdict.SPAM);
		// an owner may still let the text model alone mark spam from some score on
		VerdictPolicy bolder = new VerdictPolicy(new SpamSettings(0.7, 0.25, 0.9, true, 2, List.of(), List.of(), 3,
				java.time.Duration.ofMinutes(10), 5, 20, java.time.Duration.ofSeconds(3)));
		assertThat(bolder.decide(sure, 0, 0, "some phrase", List.of(), false).verdict()).isEqualTo(Verdict.SPAM);
		assertThat(bolder.decide(Math.log(0.8 / 0.2), 0, 0, "some phrase", List.of(), false).verdict())
			.isEqualTo(Verdict.HELD);
	}

	@Test
	void approvesWordingTheTextModelFindsMoreLikelyAReadersThanSpam() {
		VerdictPolicy policy = new VerdictPolicy(SpamSettings.defaults());
		// a reader's technical question often scores 0.25-0.4 under the YouTube-heavy prior
		assertThat(policy.decide(Math.log(0.3 / 0.7), 0, 0, null, List.of(), false).verdict())
			.isEqualTo(Verdict.APPROVED);
		assertThat(policy.decide(Math.log(0.45 / 0.55), 0, 0, null, List.of(), false).verdict())
			.isEqualTo(Verdict.HELD);
	}

	@Test
	void ordinaryBlogCommentsAreNotMarkedSpamByTheDefaultModel() {
		for (String text : new String[] { "Nice article, thanks for sharing!", "Where can I download the sample project?",
				"Thanks, this post helped me fix my build. The part about the wrapper was what I needed.",
				"Here is the upstream issue for reference: https://github.com/example/project/issues/1234" }) {
			assertThat(shipped.assess(fromKnownCommenter(text)).verdict()).as(text).isNotEqualTo(Verdict.SPAM);
		}
	}

	@Test
	void trustedCommenterIsNotHeldForAnUnsureScore() {
		assertThat(shipped
			.assess(fromTrustedCommenter("Thanks, this post helped me fix my build. Does it work on Java 17?"))
			.verdict()).isEqualTo(Verdict.APPROVED);
	}

	@Test
	void listedSpamWordMarksSpam() {
		Assessment assessment = shipped.assess(fromTrustedCommenter("cheap viagra"));
		assertThat(assessment.verdict()).isEqualTo(Verdict.SPAM);
		assertThat(assessment.reasons().get(1)).isEqualTo("contains \"viagra\", a listed spam word");
	}

	@Test
	void reasonsNeverContainTheCommentersEmail() {
		String email = "ann.lee@example.com";
		List<Candidate> candidates = List.of(
				Candidate.of("Mail me at " + email + " for cheap followers, check out my channel " + email, email,
						"mailto:" + email, "post-1", Candidates.COMMENTER, 0, 2),
				Candidate.of(email + " " + email + " subscribe to my channel", "Ann", "https://" + email, "post-1",
						Candidates.COMMENTER, 0, 0),
				Candidate.of("subscribe! ann.lee @ example.com", email, null, "post-1", Candidates.COMMENTER, 3, 0));
		for (Candidate candidate : candidates) {
			Assessment assessment = shipped.assess(candidate);
			assertThat(assessment.reasons()).isNotEmpty()
				.noneMatch((reason) -> reason.contains(email) || reason.contains("ann.lee") || reason.contains("lee@")
						|| reason.contains(Candidates.COMMENTER));
		}
	}

	@Test
	void rejectsSettingsWithHoldAboveSpamThreshold() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpamSettings.defaults().withThresholds(0.5, 0.6));
	}

}
