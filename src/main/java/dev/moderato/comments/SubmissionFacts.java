package dev.moderato.comments;

import java.time.Instant;
import java.util.Objects;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

/**
 * What the stored comments tell about a submission before its verdict, read in one round trip
 * ({@link Comments#factsAbout(Question)}).
 *
 * @param alreadyStored whether a comment with its id is stored (a redelivery)
 * @param parent whether it may reply to the parent it names; {@code null} if it names none
 * @param history what the commenter's earlier comments came to
 * @param recentFromCommenter comments from the commenter since {@link Question#recentSince()}
 * @param recentFromNetwork comments from the network since then; 0 if no network was asked about
 * @param nearDuplicatesElsewhere comments on other posts since {@link Question#duplicatesSince()} whose text
 * fingerprint is within {@link Question#maxBits()} differing bits; 0 for fingerprint 0 (no words)
 */
public record SubmissionFacts(boolean alreadyStored, @Nullable ReplyTarget parent, CommenterHistory history,
		int recentFromCommenter, int recentFromNetwork, int nearDuplicatesElsewhere) {

	/**
	 * What to find out about a submission.
	 *
	 * @param comment its id
	 * @param post the post it was left on
	 * @param parent the comment it replies to, if any
	 * @param commenter its author's email hash
	 * @param network the network to count recent comments of; {@code null}: none (unknown, or a proxy's own)
	 * @param recentSince start of the velocity window
	 * @param fingerprint its text fingerprint
	 * @param duplicatesSince how far back a near-duplicate on another post counts
	 * @param maxBits how many differing fingerprint bits still make a near-duplicate
	 */
	public record Question(CommentId comment, PostId post, @Nullable CommentId parent, EmailHash commenter,
			@Nullable String network, Instant recentSince, long fingerprint, Instant duplicatesSince, int maxBits) {

		public Question {
			Objects.requireNonNull(comment, "comment");
			Objects.requireNonNull(post, "post");
			Objects.requireNonNull(commenter, "commenter");
			Objects.requireNonNull(recentSince, "recentSince");
			Objects.requireNonNull(duplicatesSince, "duplicatesSince");
			if (maxBits < 0) {
				throw new IllegalArgumentException("maxBits must not be negative");
			}
		}

	}

}
