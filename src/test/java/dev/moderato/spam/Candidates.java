package dev.moderato.spam;

import java.time.Duration;

/**
 * Candidate fixtures named by state.
 */
final class Candidates {

	static final String COMMENTER = "a".repeat(64);

	private Candidates() {
	}

	/** From a commenter with one published comment and no spam: neither new nor trusted. */
	static Candidate fromKnownCommenter(String text) {
		return Candidate.of(text, "Ann", null, "post-1", COMMENTER, 1, 0);
	}

	static Candidate fromNewCommenter(String text) {
		return Candidate.of(text, "Ann", null, "post-1", COMMENTER, 0, 0);
	}

	static Candidate fromTrustedCommenter(String text) {
		return Candidate.of(text, "Ann", null, "post-1", COMMENTER, 5, 0);
	}

	static Candidate withAuthor(String text, String name, String url) {
		return Candidate.of(text, name, url, "post-1", COMMENTER, 1, 0);
	}

	static Candidate withHistory(String text, int approved, int spam) {
		return Candidate.of(text, "Ann", null, "post-1", COMMENTER, approved, spam);
	}

	static Candidate submitted(String text, boolean honeypot, Duration timeToSubmit) {
		return new Candidate(text, "Ann", null, "post-1", COMMENTER, 1, 0, "203.0.113.0/24", honeypot, timeToSubmit, 0,
				0, 0);
	}

	static Candidate withVelocity(String text, int fromCommenter, int fromNetwork) {
		return new Candidate(text, "Ann", null, "post-1", COMMENTER, 1, 0, "203.0.113.0/24", false, null,
				fromCommenter, fromNetwork, 0);
	}

	static Candidate repeatedOn(String text, int otherPosts) {
		return new Candidate(text, "Ann", null, "post-1", COMMENTER, 1, 0, null, false, null, 0, 0, otherPosts);
	}

}
