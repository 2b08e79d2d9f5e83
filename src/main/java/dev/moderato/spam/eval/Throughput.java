package dev.moderato.spam.eval;

import java.util.List;

import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;

/**
 * Scoring throughput on one thread: a warm-up of half a second for the JIT, then as many passes over the comments
 * as fit in one second.
 */
final class Throughput {

	private static final long WARM_UP_NANOS = 500_000_000L;

	private static final long MEASURE_NANOS = 1_000_000_000L;

	private Throughput() {
	}

	/** Comments scored per second. */
	static double measure(SpamFilter filter, List<Candidate> comments) {
		if (comments.isEmpty()) {
			return 0;
		}
		run(filter, comments, WARM_UP_NANOS);
		long start = System.nanoTime();
		long scored = run(filter, comments, MEASURE_NANOS);
		return scored / ((System.nanoTime() - start) / 1e9);
	}

	private static long run(SpamFilter filter, List<Candidate> comments, long nanos) {
		long end = System.nanoTime() + nanos;
		long scored = 0;
		double sink = 0;
		while (System.nanoTime() < end) {
			for (Candidate comment : comments) {
				sink += filter.assess(comment).score();
			}
			scored += comments.size();
		}
		return sink < 0 ? -1 : scored; // use the scores, so the JIT cannot drop the work
	}

}
