package dev.moderato.moderation;

import java.util.List;

import dev.moderato.comments.CommentStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the spam filter's reasons read next to its verdict on the moderation page and in the author's mail.
 */
class VerdictReasonsTests {

	@Test
	void aCommentHeldOnlyAsAFirstCommentSaysSoInWordsWithoutTheTextModelsLowScore() {
		assertThat(VerdictReasons.present(CommentStatus.HELD, List.of("classifier 0.10", "first comment from this commenter")))
			.containsExactly("first comment from this commenter: a first comment waits for a moderator");
	}

	@Test
	void anApprovedCommentDoesNotListAZeroScoreAsAReason() {
		assertThat(VerdictReasons.present(CommentStatus.APPROVED, List.of("classifier 0.00", "no spam signals")))
			.containsExactly("no spam signals");
		assertThat(VerdictReasons.present(CommentStatus.APPROVED,
				List.of("trusted commenter: hold skipped", "classifier 0.20", "1 link", "commenter has 4 published comments")))
			.containsExactly("trusted commenter: hold skipped", "commenter has 4 published comments");
	}

	@Test
	void theRuleThatHeldACommentComesBeforeTheSignalsThatOnlyRaisedItsScore() {
		assertThat(VerdictReasons.present(CommentStatus.HELD, List.of("classifier 0.62: 'cheap flights'", "2 links",
				"commenter has 3 published comments", "hidden form field filled in (a bot trap)")))
			.containsExactly("hidden form field filled in (a bot trap)", "classifier 0.62: 'cheap flights'", "2 links");
	}

	@Test
	void aSpamVerdictListsWhatPointedToSpamAndKeepsTheEnginesOrder() {
		assertThat(VerdictReasons.present(CommentStatus.SPAM, List.of("commenter is banned", "classifier 0.12",
				"contains \"casino\", a listed spam word", "no spam signals")))
			.containsExactly("commenter is banned", "contains \"casino\", a listed spam word");
		assertThat(VerdictReasons.present(CommentStatus.SPAM, List.of("text model 0.97: 'check out my channel'", "3 links")))
			.containsExactly("text model 0.97: 'check out my channel'", "3 links");
	}

	@Test
	void aNumberInAReasonThatIsNotTheModelsProbabilityIsNotMistakenForIt() {
		assertThat(VerdictReasons.present(CommentStatus.HELD, List.of("form submitted 0.4 s after it was shown")))
			.containsExactly("form submitted 0.4 s after it was shown");
		assertThat(VerdictReasons.present(CommentStatus.HELD, List.of("classifier 0.30: '1.50 dollars'", "fixture")))
			.containsExactly("fixture");
	}

}
