package dev.moderato.moderation;

import java.time.Instant;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.comments.ReplyTarget;
import dev.moderato.comments.SubmissionFacts;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import dev.moderato.spam.TextFingerprint;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's facts are read before any of it is stored: the submissions judged before one in its batch count for it as
 * if they were stored already.
 */
class EarlierInBatchTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final SubmissionFacts NOTHING_STORED = new SubmissionFacts(false, null, CommenterHistory.NONE, 0, 0,
			0);

	private static final EmailHash SAM = new EmailHash("ab".repeat(32));

	private static final long TEXT = TextFingerprint.of("Cheap watches at the best price, visit my shop today");

	@Test
	void theSameTextOnOtherPostsEarlierInTheBatchCountsAsNearDuplicates() {
		EarlierInBatch earlier = new EarlierInBatch();
		earlier.judged(judged(question(CommentId.next(NOW), "p1", null, SAM, null, TEXT), "198.51.100.0/24",
				CommentStatus.HELD));
		earlier.judged(judged(question(CommentId.next(NOW), "p2", null, SAM, null, TEXT ^ 0b101), null,
				CommentStatus.SPAM));
		earlier.judged(judged(question(CommentId.next(NOW), "p3", null, SAM, null, TEXT ^ 0xFFFF), null,
				CommentStatus.SPAM)); // 16 bits apart: another text

		SubmissionFacts facts = earlier.add(NOTHING_STORED, question(CommentId.next(NOW), "p4", null, SAM, null, TEXT));

		assertThat(facts.nearDuplicatesElsewhere()).isEqualTo(2);
		assertThat(earlier.add(NOTHING_STORED, question(CommentId.next(NOW), "p1", null, SAM, null, TEXT))
			.nearDuplicatesElsewhere()).as("not the same post").isEqualTo(1);
	}

	@Test
	void aCommentersEarlierSubmissionsCountForHistoryAndVelocityOnTopOfTheStoredOnes() {
		EarlierInBatch earlier = new EarlierInBatch();
		String network = "192.0.2.0/24";
		earlier.judged(judged(question(CommentId.next(NOW), "p1", null, SAM, network, 1), network, CommentStatus.APPROVED));
		earlier.judged(judged(question(CommentId.next(NOW), "p1", null, SAM, network, 2), network, CommentStatus.SPAM));
		earlier.judged(judged(question(CommentId.next(NOW), "p1", null, new EmailHash("cd".repeat(32)), network, 3),
				network, CommentStatus.HELD));
		SubmissionFacts stored = new SubmissionFacts(false, null, new CommenterHistory(5, 0, 1, 0), 4, 7, 0);

		SubmissionFacts facts = earlier.add(stored, question(CommentId.next(NOW), "p1", null, SAM, network, 4));

		assertThat(facts.history()).isEqualTo(new CommenterHistory(6, 0, 2, 0));
		assertThat(facts.recentFromCommenter()).isEqualTo(6);
		assertThat(facts.recentFromNetwork()).isEqualTo(10);
		assertThat(earlier.add(stored, question(CommentId.next(NOW), "p1", null, SAM, null, 4)).recentFromNetwork())
			.as("no network asked about").isEqualTo(7);
	}

	@Test
	void aParentJudgedEarlierInTheBatchIsOpenOnlyIfApprovedOnTheSamePost() {
		EarlierInBatch earlier = new EarlierInBatch();
		CommentId approved = CommentId.next(NOW);
		CommentId held = CommentId.next(NOW);
		earlier.judged(judged(question(approved, "p1", null, SAM, null, 1), null, CommentStatus.APPROVED));
		earlier.judged(judged(question(held, "p1", null, SAM, null, 2), null, CommentStatus.HELD));
		SubmissionFacts unknownParent = new SubmissionFacts(false, ReplyTarget.UNKNOWN, CommenterHistory.NONE, 0, 0, 0);

		assertThat(earlier.add(unknownParent, question(CommentId.next(NOW), "p1", approved, SAM, null, 3)).parent())
			.isEqualTo(ReplyTarget.OPEN);
		assertThat(earlier.add(unknownParent, question(CommentId.next(NOW), "p1", held, SAM, null, 3)).parent())
			.isEqualTo(ReplyTarget.NOT_PUBLISHED);
		assertThat(earlier.add(unknownParent, question(CommentId.next(NOW), "p2", approved, SAM, null, 3)).parent())
			.isEqualTo(ReplyTarget.OTHER_POST);
		assertThat(earlier.add(unknownParent, question(CommentId.next(NOW), "p1", CommentId.next(NOW), SAM, null, 3))
			.parent()).isEqualTo(ReplyTarget.UNKNOWN);
	}

	@Test
	void aCommentIdTwiceInOneBatchIsJudgedOnce() {
		EarlierInBatch earlier = new EarlierInBatch();
		SubmissionFacts.Question first = question(CommentId.next(NOW), "p1", null, SAM, null, 1);
		assertThat(earlier.judgedAlready(first)).isFalse();
		earlier.judged(judged(first, null, CommentStatus.APPROVED));
		assertThat(earlier.judgedAlready(first)).isTrue();
	}

	@Test
	void submissionsOutsideTheWindowsDoNotCount() {
		EarlierInBatch earlier = new EarlierInBatch();
		SubmissionFacts.Question old = new SubmissionFacts.Question(CommentId.next(NOW), new PostId("p1"), null, SAM,
				"192.0.2.0/24", NOW.minusSeconds(600), TEXT, NOW.minusSeconds(3600), TextFingerprint.NEAR_DUPLICATE_BITS);
		earlier.judged(new EarlierInBatch.Judged(old, "192.0.2.0/24", NOW.minusSeconds(7200), CommentStatus.APPROVED));

		SubmissionFacts facts = earlier.add(NOTHING_STORED, new SubmissionFacts.Question(CommentId.next(NOW),
				new PostId("p2"), null, SAM, "192.0.2.0/24", NOW.minusSeconds(600), TEXT, NOW.minusSeconds(3600),
				TextFingerprint.NEAR_DUPLICATE_BITS));

		assertThat(facts.recentFromCommenter()).isZero();
		assertThat(facts.recentFromNetwork()).isZero();
		assertThat(facts.nearDuplicatesElsewhere()).isZero();
		assertThat(facts.history()).as("history has no window").isEqualTo(new CommenterHistory(1, 0, 0, 0));
	}

	private static EarlierInBatch.Judged judged(SubmissionFacts.Question q, @Nullable String ipPrefix,
			CommentStatus status) {
		return new EarlierInBatch.Judged(q, ipPrefix, NOW.minusSeconds(5), status);
	}

	private static SubmissionFacts.Question question(CommentId id, String post, @Nullable CommentId parent,
			EmailHash commenter, @Nullable String network, long fingerprint) {
		return new SubmissionFacts.Question(id, new PostId(post), parent, commenter, network, NOW.minusSeconds(600),
				fingerprint, NOW.minusSeconds(7 * 86400), TextFingerprint.NEAR_DUPLICATE_BITS);
	}

}
