package dev.moderato;

import java.time.Instant;

import dev.moderato.comments.CommentId;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.privacy.CommenterPrivacy;

/**
 * {@link CommentSubmitted} records as intake would write them, for tests that put records on the topic directly.
 */
public final class Submissions {

	private Submissions() {
	}

	/** A plain submission: no parent, no website, no spam hints, from 198.51.100.0/24. */
	public static CommentSubmitted submitted(CommenterPrivacy privacy, String postId, String name, String email,
			String text) {
		Instant now = Instant.now();
		return new CommentSubmitted(CommentSubmitted.VERSION, CommentId.next(now).value(), postId, null, name, null,
				privacy.encrypt(email), privacy.hash(email).value(), "198.51.100.0/24", null, text, false, now, false, null);
	}

}
