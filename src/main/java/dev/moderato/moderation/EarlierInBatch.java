package dev.moderato.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.comments.ReplyTarget;
import dev.moderato.comments.SubmissionFacts;
import dev.moderato.spam.TextFingerprint;
import org.jspecify.annotations.Nullable;

/**
 * What the submissions judged earlier in the same batch add to the stored facts of the next one. A batch's facts are
 * read in one statement before any of it is stored, so without this a flood arriving in one poll (the same text on
 * many posts, one commenter's burst) would not see itself; with it, each submission is judged on what it would have
 * seen had the ones before it been stored one at a time.
 */
final class EarlierInBatch {

	/** A submission judged in this batch, as the stored-facts statement would count it once stored. */
	record Judged(SubmissionFacts.Question question, @Nullable String ipPrefix, Instant submittedAt, CommentStatus status) {
	}

	private final List<Judged> judged = new ArrayList<>();

	/** Whether a submission with this comment id was judged earlier in the batch (a record delivered twice). */
	boolean judgedAlready(SubmissionFacts.Question question) {
		return this.judged.stream().anyMatch(j -> j.question().comment().equals(question.comment()));
	}

	/** The stored facts with what the earlier submissions of the batch add to them. */
	SubmissionFacts add(SubmissionFacts stored, SubmissionFacts.Question q) {
		int approved = 0, held = 0, spam = 0, rejected = 0, fromCommenter = 0, fromNetwork = 0, near = 0;
		ReplyTarget parent = stored.parent();
		for (Judged j : this.judged) {
			SubmissionFacts.Question earlier = j.question();
			boolean sameCommenter = earlier.commenter().equals(q.commenter());
			if (sameCommenter) {
				switch (j.status()) {
					case APPROVED -> approved++;
					case HELD -> held++;
					case SPAM -> spam++;
					case REJECTED -> rejected++;
					case PENDING -> throw new IllegalStateException("a judged submission is never pending");
				}
			}
			boolean recent = !j.submittedAt().isBefore(q.recentSince());
			if (sameCommenter && recent) {
				fromCommenter++;
			}
			if (q.network() != null && recent && Objects.equals(j.ipPrefix(), q.network())) {
				fromNetwork++;
			}
			if (q.fingerprint() != 0 && earlier.fingerprint() != 0 && !earlier.post().equals(q.post())
					&& !j.submittedAt().isBefore(q.duplicatesSince())
					&& TextFingerprint.distance(earlier.fingerprint(), q.fingerprint()) <= q.maxBits()) {
				near++;
			}
			if (q.parent() != null && q.parent().equals(earlier.comment())) {
				parent = !earlier.post().equals(q.post()) ? ReplyTarget.OTHER_POST
						: j.status() == CommentStatus.APPROVED ? ReplyTarget.OPEN : ReplyTarget.NOT_PUBLISHED;
			}
		}
		CommenterHistory h = stored.history();
		return new SubmissionFacts(stored.alreadyStored(), parent,
				new CommenterHistory(h.approved() + approved, h.held() + held, h.spam() + spam, h.rejected() + rejected),
				stored.recentFromCommenter() + fromCommenter, stored.recentFromNetwork() + fromNetwork,
				stored.nearDuplicatesElsewhere() + near);
	}

	void judged(Judged judged) {
		this.judged.add(judged);
	}

}
