package dev.moderato.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one signal on a candidate, for signal tests.
 */
final class Signals {

	private Signals() {
	}

	static List<Finding> inspect(Signal signal, Candidate candidate) {
		return inspect(signal, candidate, new DomainReputation());
	}

	static List<Finding> inspect(Signal signal, Candidate candidate, DomainReputation domains) {
		List<Finding> findings = new ArrayList<>();
		signal.inspect(new Evidence(candidate, Analysis.of(candidate.text()), domains), findings);
		return findings;
	}

	static List<String> reasons(List<Finding> findings) {
		return findings.stream().map(Finding::reason).toList();
	}

}
