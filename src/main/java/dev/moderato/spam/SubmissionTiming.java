package dev.moderato.spam;

import java.time.Duration;
import java.util.List;

/**
 * Signals from the form itself: the hidden honeypot field came back filled in (bots fill every field), or the form
 * was submitted faster than a person can read and type.
 */
final class SubmissionTiming implements Signal {

	/** Sustained typing faster than this (characters a second) is not a person typing. */
	static final int MAX_CHARS_PER_SECOND = 25;

	private final SpamSettings settings;

	SubmissionTiming(SpamSettings settings) {
		this.settings = settings;
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Candidate candidate = evidence.candidate();
		if (candidate.honeypotFilled()) {
			findings.add(Finding.hold("hidden form field filled in (a bot trap)", 4.0));
		}
		Duration elapsed = candidate.timeToSubmit();
		if (elapsed == null || elapsed.isNegative()) {
			return;
		}
		if (elapsed.compareTo(this.settings.minTypingTime()) < 0) {
			findings.add(Finding.hold("form submitted " + Durations.words(elapsed) + " after it was shown", 1.5));
		}
		else if (candidate.text().length() >= 200
				&& candidate.text().length() > MAX_CHARS_PER_SECOND * Math.max(1, elapsed.toMillis()) / 1000) {
			findings.add(Finding.score("typed faster than a person can", 0.7));
		}
	}

}
