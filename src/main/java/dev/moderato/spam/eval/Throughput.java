package dev.moderato.spam.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;

/**
 * Scoring throughput of the path the service runs per comment: {@link SpamFilter#assess(Candidate)} on one thread,
 * with the model in memory, candidates built beforehand, and nothing else timed (no learning, parsing or I/O).
 * First a JIT warm-up: rounds of half a second until two rounds in a row agree within 5 % and the JIT compiled for
 * less than 1 % of the last round (at least {@value #MIN_WARM_UP_SECONDS} s, at most {@value #MAX_WARM_UP_SECONDS} s),
 * since a cold JVM scores several times slower than the service does after its first minute. Then {@value #ROUNDS} rounds of one second of this thread's
 * CPU time each (so other load on the shared machine does not count against the engine); the figure is their median.
 * Beside it, the comments per second of the whole JVM's CPU time over the same rounds (garbage collection and JIT
 * threads included), and the bytes this thread allocated per comment.
 */
final class Throughput {

	static final int MIN_WARM_UP_SECONDS = 2;

	static final int MAX_WARM_UP_SECONDS = 10;

	static final int ROUNDS = 5;

	private static final long WARM_UP_ROUND_NANOS = 500_000_000L;

	private static final long ROUND_NANOS = 1_000_000_000L;

	private Throughput() {
	}

	/**
	 * What one measurement found.
	 * @param perSecond comments scored per second of the scoring thread's CPU time (median of the rounds)
	 * @param lowest the slowest round
	 * @param highest the fastest round
	 * @param perJvmSecond comments scored per second of the whole JVM's CPU time over the rounds, or 0 if unknown
	 * @param bytesPerComment bytes the scoring thread allocated per comment, or -1 if unknown
	 * @param warmUpSeconds CPU seconds spent warming up
	 * @param threadCpu whether thread CPU time was measurable (else wall-clock time)
	 */
	record Measurement(double perSecond, double lowest, double highest, double perJvmSecond, double bytesPerComment,
			double warmUpSeconds, boolean threadCpu) {

		static final Measurement NONE = new Measurement(0, 0, 0, 0, -1, 0, false);

		String describe() {
			return String.format(Locale.ROOT,
					"%.0f comments/s (median of %d rounds of 1 s, %.0f-%.0f), SpamFilter.assess only, one thread,"
							+ " %s, after %.1f s of JIT warm-up; %.0f/s of the whole JVM's CPU (GC and JIT included);"
							+ " %.0f bytes allocated per comment; no database",
					this.perSecond, ROUNDS, this.lowest, this.highest,
					this.threadCpu ? "its CPU time" : "wall-clock time", this.warmUpSeconds, this.perJvmSecond,
					this.bytesPerComment);
		}

	}

	/** Measures scoring these comments over and over (see the class comment). */
	static Measurement measure(SpamFilter filter, List<Candidate> comments) {
		if (comments.isEmpty()) {
			return Measurement.NONE;
		}
		Clock clock = new Clock();
		long warmUpStart = clock.thread();
		double previous = 0;
		while (true) {
			long start = clock.thread();
			long compiling = clock.compilingMillis();
			double rate = run(filter, comments, clock, WARM_UP_ROUND_NANOS) / ((clock.thread() - start) / 1e9);
			double warm = (clock.thread() - warmUpStart) / 1e9;
			boolean compiled = clock.compilingMillis() - compiling <= WARM_UP_ROUND_NANOS / 1_000_000 / 100;
			boolean steady = compiled && previous > 0 && Math.abs(rate - previous) <= 0.05 * previous;
			if (warm >= MAX_WARM_UP_SECONDS || (warm >= MIN_WARM_UP_SECONDS && steady)) {
				break;
			}
			previous = rate;
		}
		double warmUpSeconds = (clock.thread() - warmUpStart) / 1e9;
		double[] rates = new double[ROUNDS];
		long scoredInAll = 0;
		long jvmStart = clock.jvm();
		long allocatedStart = clock.allocated();
		for (int r = 0; r < ROUNDS; r++) {
			long start = clock.thread();
			long scored = run(filter, comments, clock, ROUND_NANOS);
			rates[r] = scored / ((clock.thread() - start) / 1e9);
			scoredInAll += scored;
		}
		long jvm = clock.jvm() - jvmStart;
		long allocated = clock.allocated() - allocatedStart;
		Arrays.sort(rates);
		return new Measurement(rates[ROUNDS / 2], rates[0], rates[ROUNDS - 1],
				jvm > 0 ? scoredInAll / (jvm / 1e9) : 0, allocatedStart < 0 ? -1 : (double) allocated / scoredInAll,
				warmUpSeconds, clock.threadCpu);
	}

	private static long run(SpamFilter filter, List<Candidate> comments, Clock clock, long nanos) {
		long end = clock.thread() + nanos;
		long scored = 0;
		double sink = 0;
		while (clock.thread() < end) {
			for (Candidate comment : comments) {
				sink += filter.assess(comment).score();
			}
			scored += comments.size();
		}
		return sink < 0 ? -1 : scored; // use the scores, so the JIT cannot drop the work
	}

	/** This thread's CPU time (or wall-clock time), the JVM's CPU time and this thread's allocated bytes. */
	private static final class Clock {

		private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

		final boolean threadCpu = this.threads.isCurrentThreadCpuTimeSupported();

		long thread() {
			return this.threadCpu ? this.threads.getCurrentThreadCpuTime() : System.nanoTime();
		}

		long jvm() {
			return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
					? os.getProcessCpuTime() : -1;
		}

		/** Milliseconds the JIT has spent compiling, 0 if unknown. */
		long compilingMillis() {
			java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
			return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
		}

		long allocated() {
			return this.threads instanceof com.sun.management.ThreadMXBean sun
					? sun.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
		}

	}

}
