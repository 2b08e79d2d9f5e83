package dev.moderato.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running counts of one import, read by the progress line and the job status while the import writes them.
 * Only the first {@link #MAX_ERRORS} errors are kept (their count is not capped).
 */
public final class ImportProgress {

	public static final int MAX_ERRORS = 100;

	/** One problem, where it is in the file. */
	public record Problem(String position, String message) {
	}

	final AtomicLong read = new AtomicLong();

	final AtomicLong imported = new AtomicLong();

	final AtomicLong skipped = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	private final List<Problem> errors = new ArrayList<>();

	private final long startedNanos = System.nanoTime();

	private volatile String phase = "checking";

	public long read() {
		return this.read.get();
	}

	public long imported() {
		return this.imported.get();
	}

	public long skipped() {
		return this.skipped.get();
	}

	public long failed() {
		return this.failed.get();
	}

	/** {@code checking} (the first pass reads the whole file), then {@code importing}, {@code learning}. */
	public String phase() {
		return this.phase;
	}

	void phase(String phase) {
		this.phase = phase;
	}

	public synchronized List<Problem> errors() {
		return List.copyOf(this.errors);
	}

	/** A record not imported (bad, or its write failed). */
	void fail(String position, String message) {
		this.failed.incrementAndGet();
		report(position, message);
	}

	/** A remark about a record that was imported all the same (a reply stored top-level, say). */
	synchronized void report(String position, String message) {
		if (this.errors.size() < MAX_ERRORS) {
			this.errors.add(new Problem(position, message));
		}
	}

	/** Comments read per second since the start. */
	public long rate() {
		double seconds = Math.max(0.001, (System.nanoTime() - this.startedNanos) / 1e9);
		return Math.round(this.read.get() / seconds);
	}

	/** The one line the command prints every second. */
	public String line() {
		return String.format("%s: read %d, imported %d, skipped %d, errors %d, %d comments/s", this.phase, read(),
				imported(), skipped(), failed(), rate());
	}

}
