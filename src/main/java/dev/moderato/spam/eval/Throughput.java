package dev.moderato.spam.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;

/**
 * Scoring throughput on one thread: a warm-up of half a second for the JIT, then as many passes over the comments
 * as fit in one second of this thread's CPU time (so other load on the machine does not count against the engine;
 * wall-clock time where the JVM cannot measure thread CPU time).
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
		long start = now();
		long scored = run(filter, comments, MEASURE_NANOS);
		return scored / ((now() - start) / 1e9);
	}

	private static long run(SpamFilter filter, List<Candidate> comments, long nanos) {
		long end = now() + nanos;
		long scored = 0;
		double sink = 0;
		while (now() < end) {
			for (Candidate comment : comments) {
				sink += filter.assess(comment).score();
			}
			scored += comments.size();
		}
		return sink < 0 ? -1 : scored; // use the scores, so the JIT cannot drop the work
	}

	private static long now() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
	}

}
