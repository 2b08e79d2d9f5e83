package dev.moderato.spam;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.submitted;
import static dev.moderato.spam.Candidates.withHistory;
import static dev.moderato.spam.Candidates.withVelocity;
import static dev.moderato.spam.Signals.inspect;
import static dev.moderato.spam.Signals.reasons;
import static org.assertj.core.api.Assertions.assertThat;

class CommenterSignalsTests {

	private final SpamSettings settings = SpamSettings.defaults();

	@Test
	void holdsCommenterPostingTooFast() {
		assertThat(reasons(inspect(new Velocity(this.settings), withVelocity("hi there", 6, 21))))
			.containsExactly("6 comments from this commenter in 10 minutes", "21 comments from this network in 10 minutes");
	}

	@Test
	void allowsOrdinaryPace() {
		assertThat(inspect(new Velocity(this.settings), withVelocity("hi there", 5, 20))).isEmpty();
	}

	@Test
	void catchesFilledHoneypot() {
		List<Finding> findings = inspect(new SubmissionTiming(this.settings), submitted("hi", true, null));
		assertThat(reasons(findings)).containsExactly("hidden form field filled in (a bot trap)");
		assertThat(findings.get(0).weight()).isGreaterThanOrEqualTo(4);
	}

	@Test
	void holdsFormSubmittedFasterThanAPersonCanType() {
		assertThat(reasons(inspect(new SubmissionTiming(this.settings), submitted("hi", false, Duration.ofMillis(800)))))
			.containsExactly("form submitted 0.8 s after it was shown");
		assertThat(reasons(inspect(new SubmissionTiming(this.settings),
				submitted("x".repeat(500), false, Duration.ofSeconds(5)))))
			.containsExactly("typed faster than a person can");
	}

	@Test
	void acceptsUnknownOrHumanTiming() {
		assertThat(inspect(new SubmissionTiming(this.settings), submitted("hi", false, null))).isEmpty();
		assertThat(inspect(new SubmissionTiming(this.settings), submitted("hi", false, Duration.ofSeconds(40))))
			.isEmpty();
	}

	@Test
	void holdsFirstCommentFromThisCommenter() {
		List<Finding> findings = inspect(new CommenterReputation(this.settings), withHistory("hi", 0, 0));
		assertThat(reasons(findings)).containsExactly("first comment from this commenter");
		assertThat(findings.get(0).effect()).isEqualTo(Finding.Effect.HOLD);
	}

	@Test
	void doesNotHoldFirstCommentWhenTurnedOff() {
		SpamSettings open = new SpamSettings(0.7, 0.25, 0.85, false, 2, List.of(), List.of(), 3,
				Duration.ofMinutes(10), 5, 20, Duration.ofSeconds(3));
		assertThat(inspect(new CommenterReputation(open), withHistory("hi", 0, 0))).isEmpty();
	}

	@Test
	void raisesScoreForEarlierSpam() {
		Finding finding = inspect(new CommenterReputation(this.settings), withHistory("hi", 2, 3)).get(0);
		assertThat(finding.reason()).isEqualTo("commenter has 3 comments judged spam before");
		assertThat(finding.weight()).isPositive();
		assertThat(finding.effect()).isEqualTo(Finding.Effect.HOLD);
	}

	@Test
	void lowersScoreForTrustedCommenter() {
		Finding finding = inspect(new CommenterReputation(this.settings), withHistory("hi", 4, 0)).get(0);
		assertThat(finding.reason()).isEqualTo("commenter has 4 published comments");
		assertThat(finding.weight()).isNegative();
	}

	@Test
	void appliesTheOwnersWordLists() {
		SpamSettings lists = new SpamSettings(0.7, 0.25, 0.85, true, 2, List.of("refund"), List.of("payday loan"), 3,
				Duration.ofMinutes(10), 5, 20, Duration.ofSeconds(3));
		assertThat(inspect(new WordLists(lists), withHistory("Get a PAYDAY  Loan now", 1, 0)))
			.containsExactly(Finding.spam("contains \"payday loan\", a listed spam word"));
		assertThat(reasons(inspect(new WordLists(lists), withHistory("I want a refund", 1, 0))))
			.containsExactly("contains \"refund\", a word held for review");
		assertThat(inspect(new WordLists(lists), withHistory("refunded loans", 1, 0))).isEmpty();
	}

}
