package dev.moderato.spam;

import java.util.List;

/**
 * Signal: many comments from one commenter or one network within the velocity window (counted by the caller).
 */
final class Velocity implements Signal {

	private final SpamSettings settings;

	Velocity(SpamSettings settings) {
		this.settings = settings;
	}

	@Override
	public void inspect(Evidence evidence, List<Finding> findings) {
		Candidate candidate = evidence.candidate();
		if (candidate.recentFromCommenter() <= this.settings.maxPerCommenter()
				&& candidate.recentFromNetwork() <= this.settings.maxPerNetwork()) {
			return;
		}
		String window = " in " + Durations.words(this.settings.velocityWindow());
		if (candidate.recentFromCommenter() > this.settings.maxPerCommenter()) {
			findings.add(Finding.hold(candidate.recentFromCommenter() + " comments from this commenter" + window, 1.5));
		}
		if (candidate.recentFromNetwork() > this.settings.maxPerNetwork()) {
			findings.add(Finding.hold(candidate.recentFromNetwork() + " comments from this network" + window, 1.0));
		}
	}

}
