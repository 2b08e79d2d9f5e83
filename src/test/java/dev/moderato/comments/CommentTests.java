package dev.moderato.comments;

import java.time.Instant;
import java.util.List;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentTests {

	static Comment pendingComment() {
		Instant now = Instant.parse("2026-01-01T00:00:00Z");
		return Comment.submitted(CommentId.next(now), new PostId("p"), null,
				new CommentAuthor("Ann", null, new EncryptedEmail("k", "c"), new EmailHash("a".repeat(64))), null, null,
				"text", false, now);
	}

	@Test
	void aSubmittedCommentIsPendingUntilJudged() {
		Comment comment = pendingComment();
		assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
		comment.judge(CommentStatus.HELD, 0.5, List.of("first comment"), "engine", Instant.now());
		assertThat(comment.status()).isEqualTo(CommentStatus.HELD);
		assertThat(comment.reasons()).containsExactly("first comment");
		assertThat(comment.moderatedBy()).isEqualTo("engine");
	}

	@Test
	void aCommentIsJudgedOnlyOnce() {
		Comment comment = pendingComment();
		comment.judge(CommentStatus.APPROVED, 0.1, List.of(), "engine", Instant.now());
		assertThatIllegalStateException()
			.isThrownBy(() -> comment.judge(CommentStatus.SPAM, 0.9, List.of(), "engine", Instant.now()));
	}

	@Test
	void aModeratorApprovesAHeldCommentAndLearnsWhatItWas() {
		Comment comment = heldComment();
		assertThat(comment.approve("mia", Instant.now())).isEqualTo(CommentStatus.HELD);
		assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(comment.moderatedBy()).isEqualTo("mia");
	}

	@Test
	void approvingAnApprovedCommentIsAConflictNotASecondApproval() {
		Comment comment = heldComment();
		comment.approve("mia", Instant.now());
		assertThatThrownBy(() -> comment.approve("max", Instant.now())).isInstanceOf(StatusConflict.class)
			.hasMessageContaining("is approved");
		assertThat(comment.moderatedBy()).isEqualTo("mia");
	}

	@Test
	void onlySpamCanBeMarkedNotSpam() {
		Comment comment = heldComment();
		assertThatThrownBy(() -> comment.markNotSpam("mia", Instant.now())).isInstanceOf(StatusConflict.class);
		comment.markSpam("mia", Instant.now());
		assertThat(comment.markNotSpam("mia", Instant.now())).isEqualTo(CommentStatus.SPAM);
		assertThat(comment.status()).isEqualTo(CommentStatus.APPROVED);
	}

	@Test
	void aPendingCommentCannotBeModeratedBeforeTheSpamFilterJudgedIt() {
		assertThatThrownBy(() -> pendingComment().reject("mia", Instant.now())).isInstanceOf(StatusConflict.class);
	}

	static Comment heldComment() {
		Comment comment = pendingComment();
		comment.judge(CommentStatus.HELD, 0.5, List.of("first comment"), "engine", Instant.now());
		return comment;
	}

	@Test
	void idsAreTimeOrderedAndKnowWhenTheyWereMinted() {
		Instant at = Instant.parse("2026-05-01T12:00:00.123Z");
		CommentId id = CommentId.next(at);
		assertThat(id.value().version()).isEqualTo(7);
		assertThat(id.mintedAt()).contains(at);
		assertThat(CommentId.next(at.plusMillis(1)).value().compareTo(id.value())).isPositive();
	}

}
