/*
 * Moderato's load generator and SMTP catcher, one source file run with the JDK's source launcher (no build):
 *
 *   java -cp 'bench/target/tools/*' bench/Load.java load [options]   the benchmark (bench/run starts it)
 *   java -cp 'bench/target/tools/*' bench/Load.java smtp PORT COUNTFILE  GreenMail on 127.0.0.1:PORT, purged as it goes
 *
 * It sends traffic to 127.0.0.1 only, stops by itself (every phase is bounded in time and count) and prints, last, one
 * machine-readable line starting with "BENCH ". See README "Benchmark".
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

public class Load {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("smtp")) {
			Smtp.run(Integer.parseInt(args[1]), Path.of(args[2]));
			return;
		}
		Options options = Options.parse(args.length > 0 && args[0].equals("load") ? Arrays.copyOfRange(args, 1, args.length) : args);
		new Bench(options).run();
	}

}

/** Command-line options and the environment bench/run hands over. */
record Options(String url, String jdbcUrl, String dbUser, String dbPassword, String adminUser, String adminPassword,
		String emailKey, String hashKey, long pid, boolean quick, int rate, int connections, Path corpus, Path smtpCount,
		int budget, boolean ownDatabase) {

	static Options parse(String[] args) {
		Map<String, String> o = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + args[i]);
			}
			String key = args[i].substring(2);
			if (key.equals("quick") || key.equals("own-database")) {
				o.put(key, "true");
			}
			else {
				o.put(key, args[++i]);
			}
		}
		Map<String, String> env = System.getenv();
		return new Options(o.getOrDefault("url", "http://127.0.0.1:8080"), require(o, "db"),
				env.getOrDefault("BENCH_DB_USERNAME", "moderato"), env.getOrDefault("BENCH_DB_PASSWORD", ""),
				env.getOrDefault("MODERATO_ACCOUNTS_ADMIN_USERNAME", "admin"),
				require(env, "MODERATO_ACCOUNTS_ADMIN_PASSWORD"), env.get("MODERATO_PRIVACY_EMAILKEYS_K1"),
				env.get("MODERATO_PRIVACY_HASH_KEY"), Long.parseLong(o.getOrDefault("pid", "0")),
				Boolean.parseBoolean(o.getOrDefault("quick", "false")), Integer.parseInt(o.getOrDefault("rate", "0")),
				Integer.parseInt(o.getOrDefault("connections", "32")),
				Path.of(o.getOrDefault("corpus", "src/main/resources/spam/corpus")),
				o.containsKey("smtp-count") ? Path.of(o.get("smtp-count")) : null,
				Integer.parseInt(o.getOrDefault("budget", "0")), o.containsKey("own-database"));
	}

	private static String require(Map<String, String> map, String key) {
		String value = map.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Missing " + key);
		}
		return value;
	}

}

/** The phases, their figures and the summary. */
final class Bench {

	static final String THREAD_POST = "bench-thread";

	static final String THREAD_PATH = "/api/v1/posts/" + THREAD_POST + "/comments";

	static final String FLOOD_POST = "bench-flood";

	static final int POSTS = 20;

	final Options options;

	final Http http;

	final Db db;

	final Traffic traffic;

	final Server server;

	final Verdicts verdicts;

	final Instant benchStart = Instant.now();

	final long startNanos = System.nanoTime();

	/** Every 202 since the start, so a drain knows how many verdicts to wait for. */
	final AtomicLong acceptedTotal = new AtomicLong();

	final Map<String, String> summary = new LinkedHashMap<>();

	Bench(Options options) throws Exception {
		this.options = options;
		URI base = URI.create(options.url());
		if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
			throw new IllegalArgumentException("Traffic goes to this machine only: --url must be http://127.0.0.1:PORT");
		}
		this.http = new Http(options.url());
		this.db = new Db(options);
		this.traffic = new Traffic(Corpus.load(options.corpus()), options);
		this.server = new Server(options, this.http);
		this.verdicts = new Verdicts(new Db(options), this.benchStart, this.http, options);
	}

	void run() throws Exception {
		boolean quick = this.options.quick();
		int warmup = quick ? 10 : 30;
		int saturated = quick ? 15 : 60;
		int open = quick ? 15 : 60;
		int reads = quick ? 8 : 30;
		int scale = quick ? 10 : 30;
		int flood = quick ? 12 : 60;
		int intake = quick ? 10 : 30;
		int drain = quick ? 15 : 90;
		int[] sizes = quick ? new int[] { 10_000, 100_000 } : new int[] { 10_000, 100_000, 1_000_000 };
		if (this.options.budget() > 0) { // shorten every phase alike when start-up left less time than planned
			int planned = warmup + saturated + open * (quick ? 1 : 2) + reads + scale * sizes.length + flood + intake;
			int overhead = quick ? 45 : 300; // set-up, bulk loads, drains
			double f = Math.min(1, (this.options.budget() - overhead) / (double) planned);
			if (f < 1) {
				f = Math.max(f, 0.2);
				warmup = fit(warmup, f);
				saturated = fit(saturated, f);
				open = fit(open, f);
				reads = fit(reads, f);
				scale = fit(scale, f);
				flood = fit(flood, f);
				intake = fit(intake, f);
				drain = fit(drain, f);
				say("time budget %d s: every phase shortened to %.0f%% of its planned length", this.options.budget(), f * 100);
			}
		}
		int c = this.options.connections();
		say("Moderato benchmark%s: %s, %d connections, PostgreSQL %s", quick ? " (quick)" : "", this.options.url(), c,
				this.db.durability());
		say("load generator on this machine (%d cores, shared with the server and its services; load average now %s)",
				Runtime.getRuntime().availableProcessors(), Server.loadAverage());

		for (String key : List.of("accepted_per_s", "decided_per_s", "verdict_p50_ms", "verdict_p99_ms", "http_p50_ms",
				"http_p99_ms", "http_p999_ms", "open_rate", "open_http_p99_ms", "half_rate", "half_verdict_p50_ms",
				"half_verdict_p99_ms", "half_http_p99_ms", "warmup_s", "thread_rps", "thread_p99_ms", "thread_304_rps", "thread_page_rps",
				"decided_per_s_at_1e4", "decided_per_s_at_1e5", "decided_per_s_at_1e6", "flood_accepted_per_s",
				"flood_trickle_p50_ms", "flood_trickle_p99_ms", "errors")) {
			this.summary.put(key, "n/a(time)");
		}
		setUp();
		this.verdicts.start();

		// 1. the verdict path, saturated: submissions are fed as fast as verdicts come, with a backlog of about 2 s
		Phase w = closedLoop("warm-up", warmup, c, this.traffic::anySubmission, true);
		drain(drain);
		report(w, false);
		int warmedUp = warmup;
		String settled = quick ? "(quick)" : "";
		if (!quick) { // the full run measures the compiled service: more warm-up while its JIT still compiles much
			settled = "(unsettled)";
			for (int extra = 0; extra < 240; extra += 20) {
				long jit = this.server.jitTicks();
				if (jit < 0) {
					break; // no pid, or no JIT threads to see
				}
				long t = System.nanoTime();
				Phase more = closedLoop("warm-up (JIT)", 20, c, this.traffic::anySubmission, true);
				warmedUp += 20;
				double share = (this.server.jitTicks() - jit) / (double) Server.TICKS_PER_SECOND
						/ ((System.nanoTime() - t) / 1e9);
				say("  the JIT compiler threads used %.2f cores in those 20 s%s", share,
						share < 0.05 ? ": settled" : "");
				if (share < 0.05) {
					settled = "";
					break;
				}
			}
			drain(drain);
		}
		this.summary.put("warmup_s", warmedUp + settled); // "(unsettled)": the JIT still compiled when the cap came
		Phase d = closedLoop("saturated", saturated, c, this.traffic::anySubmission, true);
		drain(drain);
		report(d, true);
		this.summary.put("decided_per_s", f0(d.decidedPerSecond));

		// 2. submit->verdict latency at a fixed rate the verdict path can sustain (80% of the saturated figure), then,
		// in the full run, at half of it: what a reader waits for a verdict while the machine is not near full
		double saturatedRate = Double.isNaN(d.decidedPerSecond) ? 2 : d.decidedPerSecond;
		openLoopPhase("open loop", "open_rate", "", this.options.rate() > 0 ? this.options.rate() : rateOf(0.8, saturatedRate),
				open, drain);
		if (this.options.rate() > 0 || quick) {
			for (String key : List.of("half_rate", "half_verdict_p50_ms", "half_verdict_p99_ms", "half_http_p99_ms")) {
				this.summary.put(key, this.options.rate() > 0 ? "n/a(--rate)" : "n/a(quick)");
			}
		}
		else {
			openLoopPhase("open loop at half rate", "half_rate", "half_", rateOf(0.5, saturatedRate), open, drain);
		}

		// 3. public thread reads
		if (room("thread reads", reads)) {
			threadReads(reads, Math.min(c, 16));
		}

		// 4. the verdict path over a bigger table: each size is the whole table's, so what the phases before stored
		// goes first (only from a database bench/run created for the run: another's is never deleted from)
		double rowsPerSecond = 3_000; // the bulk load's rate, until one was measured here
		if (this.options.ownDatabase()) {
			long t = System.nanoTime();
			long deleted = this.db.deleteSubmitted();
			this.verdicts.deleted(deleted);
			say("scale: deleted the %,d comments the phases before stored (%.1f s), so each size is the table's", deleted,
					(System.nanoTime() - t) / 1e9);
		}
		for (int n : sizes) {
			long have = this.db.allComments();
			if (have > n) {
				say("scale: the table already holds %,d comments, more than %s: not measured", have, label(n));
				this.summary.put("decided_per_s_at_" + label(n), "n/a(table)");
				continue;
			}
			// the bulk load counts against the budget too: on a loaded machine it can take longer than the phase
			if (!room("scale " + label(n), scale + 10 + (int) Math.ceil((n - have) / rowsPerSecond))) {
				break;
			}
			say("scale: bulk-loading %,d comments with COPY (have %,d) ...", n - have, have);
			long t = System.nanoTime();
			this.db.preload(n - have, this.traffic);
			double took = (System.nanoTime() - t) / 1e9;
			rowsPerSecond = Math.max(100, (n - have) / Math.max(took, 0.001));
			say("  loaded in %.1f s; %,d comments in the table", took, this.db.allComments());
			Phase s = closedLoop("saturated at " + label(n), scale, c, this.traffic::anySubmission, true);
			drain(drain);
			report(s, true);
			this.summary.put("decided_per_s_at_" + label(n), f0(s.decidedPerSecond));
		}
		if (quick) {
			this.summary.put("decided_per_s_at_1e6", "n/a(quick)");
		}

		// 5. a flood on one post at full rate, a trickle elsewhere (leaves a backlog: from here on no verdict figures)
		if (room("flood", flood + drain)) {
			floodRun(flood, c, drain);
		}

		// 6. intake at full rate: accepted/s and HTTP latency
		if (room("intake", intake)) {
			Phase in = closedLoop("intake", intake, c, this.traffic::anySubmission, false);
			report(in, false);
			this.summary.put("accepted_per_s", f0(in.acceptedPerSecond()));
			this.summary.put("http_p50_ms", f1(in.stats.percentileMs(50)));
			this.summary.put("http_p99_ms", f1(in.stats.percentileMs(99)));
			this.summary.put("http_p999_ms", f1(in.stats.percentileMs(99.9)));
			this.summary.put("errors", in.stats.errors());
		}
		long backlog = this.acceptedTotal.get() - this.verdicts.decided();
		say("left for the verdict path when the load stopped: about %,d comments (not waited for)", backlog);

		this.verdicts.stop();
		this.summary.put("cpu_cores_peak", this.server.cpuPeak());
		this.summary.put("load_avg", Server.loadAverage());
		this.summary.put("heap_mib", this.server.heapPeak());
		this.summary.put("mails_caught", this.options.smtpCount() != null && Files.exists(this.options.smtpCount())
				? Files.readString(this.options.smtpCount()).strip() : "n/a");
		StringBuilder line = new StringBuilder("BENCH");
		this.summary.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
		System.out.println();
		System.out.println(line);
		this.db.close();
	}

	private static int rateOf(double share, double saturatedRate) {
		return (int) Math.max(2, Math.min(3500, share * saturatedRate));
	}

	/** An open-loop phase at {@code rate}; its figures go to the summary as {@code rateKey} and {@code prefix}…. */
	private void openLoopPhase(String what, String rateKey, String prefix, int rate, int seconds, int drain)
			throws Exception {
		if (!room(what, seconds)) {
			return;
		}
		Phase ol = openLoop("open-loop " + rate + "/s", seconds, rate, this.traffic::anySubmission, false);
		drain(drain);
		report(ol, true);
		this.summary.put(rateKey, Integer.toString(rate));
		this.summary.put(prefix.isEmpty() ? "open_http_p99_ms" : prefix + "http_p99_ms", f1(ol.stats.percentileMs(99)));
		this.summary.put(prefix + "verdict_p50_ms", f0(ol.verdictMs[0]));
		this.summary.put(prefix + "verdict_p99_ms", f0(ol.verdictMs[1]));
	}

	private static int fit(int seconds, double f) {
		return Math.max(3, (int) Math.round(seconds * f));
	}

	/** Whether the time budget has room for a phase of this length (with some for its drain). */
	private boolean room(String what, int seconds) {
		if (this.options.budget() <= 0) {
			return true;
		}
		long left = this.options.budget() - (System.nanoTime() - this.startNanos) / 1_000_000_000L;
		if (left >= seconds + 5) {
			return true;
		}
		say("%s: skipped, %d s of the time budget left", what, left);
		return false;
	}

	/** Posts (admin API), and the comments replies and thread reads need (COPY, approved, by returning commenters). */
	private void setUp() throws Exception {
		List<String> posts = new ArrayList<>();
		for (int i = 1; i <= POSTS; i++) {
			posts.add(String.format("bench-p%02d", i));
		}
		List<String> all = new ArrayList<>(posts);
		all.add(THREAD_POST);
		all.add(FLOOD_POST);
		for (String post : all) {
			int status = this.http.putPost(post, this.options.adminUser(), this.options.adminPassword());
			if (status != 200 && status != 201) {
				throw new IllegalStateException("Registering post " + post + " gave HTTP " + status);
			}
		}
		this.traffic.posts(posts);
		this.db.seed(this.traffic);
		say("set-up: %d posts registered through the admin API; %d approved comments (thread of 200, reply parents) bulk-loaded",
				all.size(), this.db.preloadedComments());
	}

	/**
	 * Fixed connections, each sending as soon as its last answer came. Throttled: a connection also waits while more
	 * accepted comments lack a verdict than about 2 s of verdicts (so the verdict path is saturated but its backlog
	 * stays small and drains at once).
	 */
	Phase closedLoop(String name, int seconds, int connections, Supplier<Submission> next, boolean throttled)
			throws Exception {
		Phase phase = new Phase(name, this.server.snapshot());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < end) {
					while (throttled && this.acceptedTotal.get() - this.verdicts.decided() > this.verdicts.backlogTarget(connections)
							&& System.nanoTime() < end) {
						LockSupport.parkNanos(2_000_000); // load shaping: hold this connection until verdicts catch up
					}
					if (System.nanoTime() >= end) {
						break;
					}
					Submission s = next.get();
					long start = System.nanoTime();
					send(phase, s, start);
				}
			}, "closed-" + i);
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join(TimeUnit.SECONDS.toMillis(seconds + 30));
		}
		phase.finish(this.server.snapshot());
		return phase;
	}

	/** Fixed rate; latency counts from when a request was due, so a stalled server is not hidden (no coordinated omission). */
	Phase openLoop(String name, int seconds, int rate, Supplier<Submission> next, boolean keepIds) throws Exception {
		Phase phase = new Phase(name, this.server.snapshot());
		phase.keepIds = keepIds;
		int maxInFlight = 512;
		Semaphore inFlight = new Semaphore(maxInFlight);
		ExecutorService pool = Executors.newFixedThreadPool(maxInFlight, r -> {
			Thread t = new Thread(r, "open");
			t.setDaemon(true);
			return t;
		});
		long start = System.nanoTime();
		long period = 1_000_000_000L / rate;
		long end = start + TimeUnit.SECONDS.toNanos(seconds);
		for (long i = 0;; i++) {
			long due = start + i * period;
			if (due >= end) {
				break;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (!inFlight.tryAcquire()) {
				phase.stats.status(-1); // the generator's cap: the server is this far behind
				continue;
			}
			Submission s = next.get();
			pool.execute(() -> {
				try {
					send(phase, s, due);
				}
				finally {
					inFlight.release();
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.SECONDS);
		pool.shutdownNow();
		phase.finish(this.server.snapshot());
		return phase;
	}

	private void send(Phase phase, Submission s, long startNanos) {
		int status;
		String body = null;
		try {
			HttpResponse<String> response = this.http.submit(s);
			status = response.statusCode();
			body = response.body();
		}
		catch (IOException ex) {
			status = 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		phase.stats.record(System.nanoTime() - startNanos, status, status != s.expected());
		if (status == 202) {
			this.acceptedTotal.incrementAndGet();
			if (phase.keepIds && body != null) {
				Matcher m = Http.ID.matcher(body);
				if (m.find()) {
					phase.ids.add(UUID.fromString(m.group(1)));
				}
			}
		}
	}

	/** Waits (bounded) until every accepted comment has its verdict, then reads the phase's verdict figures. */
	private void drain(int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long decided;
		while ((decided = this.verdicts.refresh()) < this.acceptedTotal.get() && System.nanoTime() < deadline) {
			Thread.sleep(250); // polling the service's count with a deadline; nothing else to wait on
		}
		// the service counts a verdict as it stores it: the phase's figures are read once the database has them all
		while ((decided = this.verdicts.exact()) < this.acceptedTotal.get() && System.nanoTime() < deadline) {
			Thread.sleep(250);
		}
		long behind = this.acceptedTotal.get() - decided;
		if (behind > 0) {
			say("  drain: %,d accepted comments still without a verdict after %d s (the next phase starts with this backlog)",
					behind, seconds);
		}
	}

	private void report(Phase p, boolean verdicts) throws SQLException {
		if (verdicts) {
			p.decidedPerSecond = this.db.decidedBetween(this.benchStart, p.startWall, p.endWall) / p.seconds();
			p.verdictMs = this.db.verdictLatencyMs(p.startWall, p.endWall);
			p.undecided = this.db.undecidedSubmittedBetween(p.startWall, p.endWall, p.stats.accepted());
		}
		say("%-16s %6.1f s  sent %,d  accepted/s %,.0f  HTTP p50 %.1f ms  p99 %.1f ms  p99.9 %.1f ms  statuses %s%s",
				p.name, p.seconds(), p.stats.count(), p.acceptedPerSecond(), p.stats.percentileMs(50), p.stats.percentileMs(99),
				p.stats.percentileMs(99.9), p.stats.statuses(), p.stats.unexpected() > 0 ? "  UNEXPECTED " + p.stats.unexpected() : "");
		if (verdicts) {
			say("%-16s decided/s %,.0f  submit->verdict p50 %.0f ms  p99 %.0f ms  p99.9 %.0f ms%s", "", p.decidedPerSecond,
					p.verdictMs[0], p.verdictMs[1], p.verdictMs[2],
					p.undecided > 0 ? String.format("  (%,d of its comments undecided at the drain deadline)", p.undecided) : "");
		}
		this.server.cpu(p.cpuCores());
		say("%-16s server CPU %s cores  load generator CPU %s cores  machine load average %s  heap %s MiB", "", p.cpuCores(),
				p.generatorCores(), Server.loadAverage(), p.endServer.heapMib() < 0 ? "n/a" : f0(p.endServer.heapMib()));
	}

	/**
	 * The whole thread of 200 comments in one response (as the peers' figures are: each sends all of a thread), its
	 * {@code 304}s, and the first page the embed loads. Read by wrk when it is installed, with the harness the peers
	 * were measured with (16 connections, 2 threads); by the JDK's client otherwise, which costs the machine several
	 * times the CPU per request that wrk does, and so leaves the server less.
	 */
	private void threadReads(int seconds, int connections) throws Exception {
		String whole = THREAD_PATH + "?limit=200";
		HttpResponse<String> first = this.http.get(whole, null);
		Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(first.body());
		Matcher sent = Pattern.compile("\"id\"\\s*:").matcher(first.body());
		long comments = sent.results().count();
		String etag = first.headers().firstValue("ETag").orElse(null);
		boolean wrk = Wrk.installed();
		say("thread reads: GET %s -> %d, %d of %s comments, %,d bytes, ETag %s; read by %s", whole, first.statusCode(),
				comments, count.find() ? count.group(1) : "?", first.body().length(), etag == null ? "none" : etag,
				wrk ? "wrk (16 connections, 2 threads)" : "the JDK's HTTP client (wrk is not installed)");
		Reads plain = wrk ? Wrk.read(this, "thread reads", whole, null, seconds)
				: readLoop("thread reads", whole, seconds, connections, null, 200);
		say("%s", plain);
		this.summary.put("thread_rps", f0(plain.perSecond()));
		this.summary.put("thread_p99_ms", f1(plain.p99()));
		if (etag == null) {
			say("%-16s conditional reads (If-None-Match): n/a, the server sends no ETag on threads", "");
			this.summary.put("thread_304_rps", "n/a");
		}
		else {
			Reads conditional = wrk ? Wrk.read(this, "thread 304s", whole, etag, seconds)
					: readLoop("thread 304s", whole, seconds, connections, etag, 304);
			say("%s", conditional);
			this.summary.put("thread_304_rps", f0(conditional.perSecond()));
		}
		Reads page = wrk ? Wrk.read(this, "first page", THREAD_PATH, null, seconds)
				: readLoop("first page", THREAD_PATH, seconds, connections, null, 200);
		say("%s", page);
		this.summary.put("thread_page_rps", f0(page.perSecond()));
	}

	private Reads readLoop(String name, String path, int seconds, int connections, String etag, int expected)
			throws Exception {
		Phase phase = new Phase(name, this.server.snapshot());
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < end) {
					long start = System.nanoTime();
					int status;
					try {
						status = this.http.get(path, etag).statusCode();
					}
					catch (IOException ex) {
						status = 0;
					}
					catch (InterruptedException ex) {
						return;
					}
					phase.stats.record(System.nanoTime() - start, status, status != expected);
				}
			});
			t.setDaemon(true);
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join(TimeUnit.SECONDS.toMillis(seconds + 30));
		}
		phase.finish(this.server.snapshot());
		return new Reads(name, phase.seconds(), phase.stats.count(), phase.stats.percentileMs(50),
				phase.stats.percentileMs(99), phase.stats.statuses(), phase.cpuCores(), phase.generatorCores());
	}

	String url() {
		return this.http.base;
	}

	Server.Snapshot serverSnapshot() {
		return this.server.snapshot();
	}

	/** One post flooded by every connection while a trickle of ordinary comments goes to the other posts. */
	private void floodRun(int seconds, int connections, int drain) throws Exception {
		int trickleRate = 5;
		Phase[] trickle = new Phase[1];
		Thread trickleThread = new Thread(() -> {
			try {
				trickle[0] = openLoop("flood trickle", seconds, trickleRate, this.traffic::ordinarySubmission, true);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		trickleThread.start();
		Phase flood = closedLoop("flood", seconds, connections, () -> this.traffic.floodSubmission(FLOOD_POST), false);
		trickleThread.join();
		report(flood, false);
		Phase t = trickle[0];
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
		double[] ms = this.db.verdictLatencyMs(t.ids);
		while (ms[3] > 0 && System.nanoTime() < deadline) {
			Thread.sleep(250); // polling the database with a deadline for the trickle's verdicts
			ms = this.db.verdictLatencyMs(t.ids);
		}
		String p50 = f0(ms[0]);
		String p99 = f0(ms[1]);
		long undecided = (long) ms[3];
		if (undecided > 0) { // those still waiting have waited at least since the trickle ended
			String atLeast = ">" + Duration.between(t.endWall, Instant.now()).toMillis();
			p99 = undecided * 100 > t.stats.accepted() ? atLeast : p99;
			p50 = undecided * 2 >= t.stats.accepted() ? atLeast : p50;
		}
		say("%-16s %,d ordinary comments at %d/s on other posts: HTTP p99 %.1f ms  submit->verdict p50 %s ms  p99 %s ms%s",
				"flood trickle", t.stats.accepted(), trickleRate, t.stats.percentileMs(99), p50, p99,
				undecided > 0 ? String.format("  (%,d undecided %d s after the flood)", undecided, drain) : "");
		this.summary.put("flood_accepted_per_s", f0(flood.acceptedPerSecond()));
		this.summary.put("flood_trickle_p50_ms", p50);
		this.summary.put("flood_trickle_p99_ms", p99);
	}

	static String label(int n) {
		return "1e" + (int) Math.round(Math.log10(n));
	}

	static String f0(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
	}

	static String f1(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
	}

	static void say(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

}

/**
 * How many accepted comments have their verdict, and how fast verdicts come: polled from the service's own count of
 * the engine's verdicts ({@code moderato.moderation.verdicts}, read with an admin API token), so that polling five
 * times a second costs the service one small request rather than the database a count over every comment of the run
 * (which grows with the run and competed with the verdict path for PostgreSQL's CPU). {@link #exact()} counts the
 * stored verdicts in the database, for the drains that end a phase. Without the metric (an instance that answers it
 * with an error) every poll counts in the database.
 */
final class Verdicts {

	private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)");

	private final Db db;

	private final Instant since;

	private final Http http;

	private final Http.ApiToken token;

	private final long baseline;

	private volatile long decided;

	private long deleted;

	private volatile double perSecond;

	private volatile boolean running = true;

	private Thread thread;

	Verdicts(Db db, Instant since, Http http, Options options) throws Exception {
		this.db = db;
		this.since = since;
		this.http = http;
		Http.ApiToken token = http.issueToken(options.adminUser(), options.adminPassword(), "bench " + since);
		// the token reads the metrics: then a verdict meter that is not there means no verdict yet
		int metrics = token == null ? -1 : http.getWithToken("/actuator/metrics/jvm.memory.used", token).statusCode();
		this.token = metrics == 200 ? token : null;
		if (token != null && this.token == null) {
			http.revoke(token);
		}
		this.baseline = metrics == 200 ? metric() : -1;
		if (this.baseline < 0) {
			Bench.say("verdicts: the service's verdict count cannot be read (%s); counting them in the database instead",
					token == null ? "no API token issued" : "metrics answered " + metrics);
		}
	}

	/** The run deleted this many of the verdicts it caused (the scale step): they still count as decided. */
	synchronized void deleted(long n) {
		this.deleted += n;
	}

	/** The engine's verdicts this instance counted since it started; -1 if they cannot be read. */
	private long metric() {
		if (this.token == null) {
			return -1;
		}
		try {
			HttpResponse<String> response = this.http
				.getWithToken("/actuator/metrics/moderato.moderation.verdicts?tag=actor:engine", this.token);
			if (response.statusCode() == 404) {
				return 0; // an instance that registers the meter with its first verdict (this one registers it at start)
			}
			Matcher m = VALUE.matcher(response.body());
			return response.statusCode() == 200 && m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	void start() {
		this.thread = new Thread(() -> {
			long[] counts = new long[16];
			long[] times = new long[16];
			int i = 0;
			while (this.running) {
				try {
					long now = System.nanoTime();
					long count = refresh();
					counts[i % 16] = count;
					times[i % 16] = now;
					if (i >= 15) { // verdicts per second over the last ~3 s
						int oldest = (i + 1) % 16;
						this.perSecond = (count - counts[oldest]) / ((now - times[oldest]) / 1e9);
					}
					i++;
					Thread.sleep(200); // a polling interval
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					System.err.println("verdict count failed: " + ex);
				}
			}
		}, "verdicts");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	synchronized long refresh() {
		long counted = this.baseline < 0 ? -1 : metric();
		this.decided = counted >= 0 ? Math.max(0, counted - this.baseline) : exact();
		return this.decided;
	}

	/** The verdicts stored since the run started, counted in the database (with those deleted since). */
	synchronized long exact() {
		try {
			return this.db.decidedSince(this.since) + this.deleted;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	long decided() {
		return this.decided;
	}

	long backlogTarget(int connections) {
		return Math.max(16, (long) (2 * this.perSecond));
	}

	void stop() throws Exception {
		this.running = false;
		this.thread.interrupt();
		this.thread.join(5000);
		this.db.close();
		if (this.token != null) {
			this.http.revoke(this.token);
		}
	}

}

/** One measured stretch of load. */
final class Phase {

	final String name;

	final Stats stats = new Stats();

	final List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());

	boolean keepIds;

	final Server.Snapshot startServer;

	Server.Snapshot endServer;

	final Instant startWall = Instant.now();

	Instant endWall;

	final long startNanos = System.nanoTime();

	long endNanos;

	double decidedPerSecond = Double.NaN;

	double[] verdictMs = { Double.NaN, Double.NaN, Double.NaN };

	long undecided;

	Phase(String name, Server.Snapshot start) {
		this.name = name;
		this.startServer = start;
	}

	void finish(Server.Snapshot end) {
		this.endNanos = System.nanoTime();
		this.endWall = Instant.now();
		this.endServer = end;
	}

	double seconds() {
		return (this.endNanos - this.startNanos) / 1e9;
	}

	double acceptedPerSecond() {
		return this.stats.accepted() / seconds();
	}

	String generatorCores() {
		double cpuSeconds = (this.endServer.selfTicks() - this.startServer.selfTicks()) / (double) Server.TICKS_PER_SECOND;
		return this.startServer.selfTicks() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuSeconds / seconds());
	}

	String cpuCores() {
		if (this.startServer.cpuTicks() < 0 || this.endServer.cpuTicks() < 0) {
			return "n/a";
		}
		double cpuSeconds = (this.endServer.cpuTicks() - this.startServer.cpuTicks()) / (double) Server.TICKS_PER_SECOND;
		return String.format(Locale.ROOT, "%.2f", cpuSeconds / seconds());
	}

}

/** What one phase of thread reads measured. */
record Reads(String name, double seconds, long count, double p50, double p99, String statuses, String serverCores,
		String generatorCores) {

	double perSecond() {
		return this.count / this.seconds;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"%-16s %6.1f s  reads/s %,.0f  p50 %.1f ms  p99 %.1f ms  statuses %s  server CPU %s cores  generator %s  load average %s",
				this.name, this.seconds, perSecond(), this.p50, this.p99, this.statuses, this.serverCores,
				this.generatorCores, Server.loadAverage());
	}

}

/**
 * wrk (Debian's package), run as the peers' figures were measured: 2 threads, 16 connections, a fixed duration. It
 * reports no statuses, only the responses of 400 or more ("Non-2xx or 3xx"), so each phase checks the mean size of
 * what was read: a {@code 304} has no body, a thread has 66 KB.
 */
final class Wrk {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h), ([\\d.]+)(B|KB|MB|GB|TB) read");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE);

	private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private Wrk() {
	}

	static boolean installed() {
		try {
			Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			p.waitFor();
			return true; // wrk --version prints its version and exits 1
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static Reads read(Bench bench, String name, String path, String ifNoneMatch, int seconds) throws Exception {
		List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency"));
		if (ifNoneMatch != null) {
			command.addAll(List.of("-H", "If-None-Match: " + ifNoneMatch));
		}
		command.add(bench.url() + path);
		Phase phase = new Phase(name, bench.serverSnapshot());
		long children = Server.childTicks(); // wrk's CPU is counted to this process once it has been waited for
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int status = wrk.waitFor();
		phase.finish(bench.serverSnapshot());
		long ticks = Server.childTicks() - children;
		Matcher requests = REQUESTS.matcher(out);
		if (status != 0 || !requests.find()) {
			throw new IllegalStateException("wrk failed (exit " + status + "):\n" + out);
		}
		long count = Long.parseLong(requests.group(1));
		double wall = Double.parseDouble(requests.group(2)) * seconds(requests.group(3));
		double bytes = Double.parseDouble(requests.group(4)) * Math.pow(1024, List.of("B", "KB", "MB", "GB", "TB").indexOf(requests.group(5)));
		double[] percentiles = { Double.NaN, Double.NaN };
		Matcher p = PERCENTILE.matcher(out);
		while (p.find()) {
			percentiles[p.group(1).equals("50") ? 0 : 1] = Double.parseDouble(p.group(2)) * seconds(p.group(3)) * 1e3;
		}
		Matcher errors = ERRORS.matcher(out);
		long failed = errors.find() ? Long.parseLong(errors.group(1)) : 0;
		Matcher socket = SOCKET.matcher(out);
		String socketErrors = socket.find() ? String.format(", socket errors: connect %s read %s write %s timeout %s",
				socket.group(1), socket.group(2), socket.group(3), socket.group(4)) : "";
		String statuses = String.format(Locale.ROOT, "{%s=%d, 4xx/5xx=%d%s}, %,.0f bytes each",
				ifNoneMatch == null ? "2xx/3xx" : "3xx (no body)", count - failed, failed, socketErrors, bytes / Math.max(1, count));
		if (failed > 0 || (ifNoneMatch != null && bytes / Math.max(1, count) > 1024)) {
			statuses += " UNEXPECTED";
		}
		return new Reads(name, wall, count, percentiles[0], percentiles[1], statuses, phase.cpuCores(),
				children < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", ticks / (double) Server.TICKS_PER_SECOND / wall));
	}

	private static double seconds(String unit) {
		return switch (unit) {
			case "us" -> 1e-6;
			case "ms" -> 1e-3;
			case "m" -> 60;
			case "h" -> 3600;
			default -> 1;
		};
	}

}

/** Latencies (every one, exact percentiles) and statuses of one phase; thread-safe. */
final class Stats {

	private long[] nanos = new long[1 << 16];

	private int size;

	private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

	private final LongAdder unexpected = new LongAdder();

	private long[] sorted;

	void record(long latencyNanos, int status, boolean isUnexpected) {
		synchronized (this) {
			if (this.size == this.nanos.length) {
				this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
			}
			this.nanos[this.size++] = latencyNanos;
			this.sorted = null;
		}
		status(status);
		if (isUnexpected) {
			this.unexpected.increment();
		}
	}

	void status(int status) {
		this.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
	}

	synchronized long count() {
		return this.size;
	}

	long accepted() {
		LongAdder a = this.statuses.get(202);
		return a == null ? 0 : a.sum();
	}

	long unexpected() {
		return this.unexpected.sum();
	}

	synchronized double percentileMs(double p) {
		if (this.size == 0) {
			return Double.NaN;
		}
		if (this.sorted == null) {
			this.sorted = Arrays.copyOf(this.nanos, this.size);
			Arrays.sort(this.sorted);
		}
		int index = (int) Math.min(this.size - 1, Math.ceil(p / 100.0 * this.size) - 1);
		return this.sorted[Math.max(0, index)] / 1e6;
	}

	/** Statuses other than 202 and 400 (the expected answers), as status:count pairs, or "none". */
	String errors() {
		StringBuilder out = new StringBuilder();
		new TreeMap<>(this.statuses).forEach((s, n) -> {
			if (s != 202 && s != 400) {
				out.append(out.length() == 0 ? "" : ",").append(s == 0 ? "io" : s == -1 ? "not-sent" : s.toString()).append(':').append(n.sum());
			}
		});
		return out.length() == 0 ? "none" : out.toString();
	}

	String statuses() {
		Map<String, Long> named = new TreeMap<>();
		this.statuses.forEach((s, n) -> named.put(s == 0 ? "io-error" : s == -1 ? "not-sent(generator-cap)" : s.toString(), n.sum()));
		return named.toString();
	}

}

/** A submission to send and the status it should get. */
record Submission(String post, String json, String forwardedFor, int expected) {
}

/** The service's HTTP API, through the JDK's client (HTTP/1.1, kept-alive connections). */
final class Http {

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

	final String base;

	final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newFixedThreadPool(4, r -> {
			Thread t = new Thread(r, "http-client");
			t.setDaemon(true);
			return t;
		}))
		.build();

	Http(String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	HttpResponse<String> submit(Submission s) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/posts/" + s.post() + "/comments"))
			.timeout(Duration.ofSeconds(15))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", s.forwardedFor())
			.POST(HttpRequest.BodyPublishers.ofString(s.json()))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(15));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return this.client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An API token of the admin account (the service hashes it, where Basic costs a password check). */
	record ApiToken(String id, String secret) {
	}

	/** A new token for the admin account; null if refused. */
	ApiToken issueToken(String user, String password, String name) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/accounts/me/tokens"))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", basic(user, password))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}"))
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		Matcher id = ID.matcher(response.body());
		return response.statusCode() == 201 && token.find() && id.find() ? new ApiToken(id.group(1), token.group(1)) : null;
	}

	/** Revokes the token, so a run against someone's instance leaves none behind. */
	void revoke(ApiToken token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/accounts/me/tokens/" + token.id()))
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", "Bearer " + token.secret())
			.DELETE()
			.build();
		this.client.send(request, HttpResponse.BodyHandlers.discarding());
	}

	HttpResponse<String> getWithToken(String path, ApiToken token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", "Bearer " + token.secret())
			.GET()
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	String getAuthenticated(String path, String user, String password) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(5))
			.header("Authorization", basic(user, password))
			.GET()
			.build();
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		return response.statusCode() == 200 ? response.body() : null;
	}

	int putPost(String post, String user, String password) throws IOException, InterruptedException {
		String json = "{\"title\": \"Benchmark post " + post + "\", \"url\": \"https://blog.example/" + post
				+ "\", \"authorName\": \"Bench Author\", \"authorEmail\": \"author+" + post + "@blog.example\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/posts/" + post))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", basic(user, password))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}

/** The server process: CPU from /proc of its pid, heap from /actuator/metrics. */
final class Server {

	static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

	record Snapshot(long cpuTicks, double heapMib, long selfTicks) {
	}

	/** utime + stime of a process, in clock ticks; -1 if unknown. */
	static long ticks(String pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** cutime + cstime of this process: the CPU of the children it has waited for, in clock ticks; -1 if unknown. */
	static long childTicks() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16 and 17)
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * CPU ticks the server's JIT compiler threads used so far (HotSpot names them "C1 CompilerThre…" and
	 * "C2 CompilerThre…"), from /proc; -1 without a pid. Compiler threads come and go, so this is what the live ones
	 * used: good enough to see whether compiling has settled.
	 */
	long jitTicks() {
		if (this.options.pid() <= 0) {
			return -1;
		}
		long ticks = 0;
		boolean seen = false;
		try (var tasks = Files.list(Path.of("/proc/" + this.options.pid() + "/task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					String name = Files.readString(task.resolve("comm"));
					if (name.startsWith("C") && name.contains("CompilerThre")) {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						seen = true;
					}
				}
				catch (IOException | RuntimeException gone) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return seen ? ticks : -1;
	}

	/** The machine's 1-minute load average: how many threads wanted a core (2 cores here). */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	private final Options options;

	private final Http http;

	private double heapPeak = -1;

	private double cpuPeak = -1;

	private Snapshot last;

	Server(Options options, Http http) {
		this.options = options;
		this.http = http;
	}

	synchronized Snapshot snapshot() {
		long ticks = this.options.pid() > 0 ? ticks(Long.toString(this.options.pid())) : -1;
		double heap = -1;
		try {
			String body = this.http.getAuthenticated("/actuator/metrics/jvm.memory.used?tag=area:heap",
					this.options.adminUser(), this.options.adminPassword());
			if (body != null) {
				Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)").matcher(body);
				if (m.find()) {
					heap = Double.parseDouble(m.group(1)) / (1024 * 1024);
				}
			}
		}
		catch (IOException ex) {
			heap = -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Snapshot now = new Snapshot(ticks, heap, ticks("self"));
		this.heapPeak = Math.max(this.heapPeak, heap);
		this.last = now;
		return now;
	}

	synchronized void cpu(String cores) {
		if (!cores.equals("n/a")) {
			this.cpuPeak = Math.max(this.cpuPeak, Double.parseDouble(cores));
		}
	}

	String heapPeak() {
		return this.heapPeak < 0 ? "n/a" : Bench.f0(this.heapPeak);
	}

	String cpuPeak() {
		return this.cpuPeak < 0 ? "n/a" : Bench.f1(this.cpuPeak);
	}

}

/** The bundled corpus: YouTube comments (CONTENT, CLASS) and the blog seed (text, label). */
record Corpus(List<String[]> ham, List<String[]> spam) {

	static Corpus load(Path dir) throws IOException {
		List<String[]> ham = new ArrayList<>();
		List<String[]> spam = new ArrayList<>();
		try (var files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
				List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
				List<String> header = rows.get(0);
				int text = header.indexOf(header.contains("CONTENT") ? "CONTENT" : "text");
				int label = header.indexOf(header.contains("CLASS") ? "CLASS" : "label");
				int author = header.indexOf("AUTHOR");
				for (List<String> row : rows.subList(1, rows.size())) {
					if (row.size() <= Math.max(text, label)) {
						continue;
					}
					String content = row.get(text).replace("\uFEFF", "").strip();
					if (content.isEmpty()) {
						continue;
					}
					String name = author >= 0 && row.size() > author ? row.get(author).strip() : "";
					(row.get(label).strip().startsWith("1") ? spam : ham).add(new String[] { content, name });
				}
			}
		}
		if (ham.isEmpty() || spam.isEmpty()) {
			throw new IllegalStateException("No corpus in " + dir);
		}
		return new Corpus(ham, spam);
	}

	/** RFC 4180: quoted fields with "" escapes and line breaks. */
	static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				if (!(row.size() == 1 && row.get(0).isEmpty())) {
					rows.add(row);
				}
				row = new ArrayList<>();
			}
			else {
				field.append(ch);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}

/**
 * What commenters send: ham and spam from the corpus in a 70/30 mix, 15% replies to published comments, 10% invalid
 * (each gets 400), commenters from a pool of 100,000 new and 700 returning ones (with a published comment), from
 * 65,536 IPv6 /48s of 2001:db8::/32 and the 512 IPv4 /24s of 198.18.0.0/15 (documentation and benchmarking ranges,
 * sent as X-Forwarded-For, which the service trusts from 127.0.0.1).
 */
final class Traffic {

	static final int RETURNING = 700;

	static final int NEW_COMMENTERS = 100_000;

	final Corpus corpus;

	final Options options;

	List<String> posts = List.of();

	/** Published comments per post that replies may answer (filled by the seed). */
	final Map<String, List<UUID>> parents = new ConcurrentHashMap<>();

	Traffic(Corpus corpus, Options options) {
		this.corpus = corpus;
		this.options = options;
	}

	void posts(List<String> posts) {
		this.posts = List.copyOf(posts);
	}

	Submission anySubmission() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return submission(this.posts.get(r.nextInt(this.posts.size())), r, true);
	}

	/** The trickle during a flood: valid only, so each one has a verdict to time. */
	Submission ordinarySubmission() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return submission(this.posts.get(r.nextInt(this.posts.size())), r, false);
	}

	Submission floodSubmission(String post) {
		return submission(post, ThreadLocalRandom.current(), false);
	}

	private Submission submission(String post, ThreadLocalRandom r, boolean allowInvalid) {
		String xff = forwardedFor(r);
		double kind = r.nextDouble();
		if (allowInvalid && kind < 0.10) {
			return new Submission(post, invalid(r), xff, 400);
		}
		boolean spam = r.nextDouble() < 0.30;
		List<String[]> texts = spam ? this.corpus.spam() : this.corpus.ham();
		String[] entry = texts.get(r.nextInt(texts.size()));
		String text = entry[0];
		if (!spam && r.nextBoolean()) { // people rarely repeat each other word for word: two ham comments as one
			text = text + "\n\n" + texts.get(r.nextInt(texts.size()))[0];
		}
		String email = r.nextDouble() < 0.3 ? returningEmail(r.nextInt(RETURNING)) : newEmail(r.nextInt(NEW_COMMENTERS));
		String name = entry[1].isEmpty() ? "Reader " + r.nextInt(10_000) : entry[1];
		StringBuilder json = new StringBuilder(256).append('{');
		field(json, "authorName", name.length() > 100 ? name.substring(0, 100) : name).append(',');
		field(json, "authorEmail", email).append(',');
		field(json, "text", text);
		if (r.nextDouble() < (spam ? 0.5 : 0.2)) {
			json.append(',');
			field(json, "authorUrl", (spam ? "https://deals" : "https://blog") + r.nextInt(5000) + ".example/");
		}
		List<UUID> replyTo = this.parents.get(post);
		if (kind < 0.25 && replyTo != null && !replyTo.isEmpty()) {
			json.append(',');
			field(json, "parentId", replyTo.get(r.nextInt(replyTo.size())).toString());
		}
		if (r.nextDouble() < 0.05) {
			json.append(",\"notifyReplies\":true");
		}
		long typing = spam && r.nextDouble() < 0.3 ? r.nextLong(200, 2_500) : r.nextLong(4_000, 180_000);
		json.append(",\"timeToSubmitMs\":").append(typing);
		if (spam && r.nextDouble() < 0.1) {
			json.append(',');
			field(json, "honeypot", "http://spam.example/");
		}
		return new Submission(post, json.append('}').toString(), xff, 202);
	}

	private static String invalid(ThreadLocalRandom r) {
		return switch (r.nextInt(6)) {
			case 0 -> "{\"authorEmail\":\"x@example.org\",\"text\":\"no name\"}";
			case 1 -> "{\"authorName\":\"Bad Email\",\"authorEmail\":\"not-an-email\",\"text\":\"hello\"}";
			case 2 -> "{\"authorName\":\"Empty\",\"authorEmail\":\"e@example.org\",\"text\":\"   \"}";
			case 3 -> "{\"authorName\":\"Url\",\"authorEmail\":\"u@example.org\",\"authorUrl\":\"javascript:alert(1)\",\"text\":\"hi\"}";
			case 4 -> "{\"authorName\":\"Broken\",\"authorEmail\":\"b@example.org\",\"text\":\"unterminated";
			default -> "{\"authorName\":\"Negative\",\"authorEmail\":\"n@example.org\",\"text\":\"hi\",\"timeToSubmitMs\":-5}";
		};
	}

	static String forwardedFor(ThreadLocalRandom r) {
		if (r.nextDouble() < 0.8) {
			return String.format("2001:db8:%x:%x::%x", r.nextInt(65_536), r.nextInt(65_536), 1 + r.nextInt(65_535));
		}
		return String.format("198.%d.%d.%d", 18 + r.nextInt(2), r.nextInt(256), 1 + r.nextInt(254));
	}

	static String returningEmail(int n) {
		return "regular" + n + "@readers.example";
	}

	static String newEmail(int n) {
		return "reader" + n + "@mail" + (n % 97) + ".example";
	}

	static StringBuilder field(StringBuilder json, String name, String value) {
		json.append('"').append(name).append("\":\"");
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (ch < 0x20) {
						json.append(String.format("\\u%04x", (int) ch));
					}
					else {
						json.append(ch);
					}
				}
			}
		}
		return json.append('"');
	}

}

/**
 * PostgreSQL: the bulk loads (COPY into the service's own schema, with real encrypted emails and keyed hashes, so the
 * rows are what the service would have written) and the verdict figures (the service stamps {@code submitted_at} at
 * intake and {@code moderated_at} when the engine decides; both from its clock).
 */
final class Db implements AutoCloseable {

	static final String PRELOAD = "bench-preload";

	private final Connection connection;

	private final SecretKeySpec emailKey;

	private final SecretKeySpec hashKey;

	private final SecureRandom random = new SecureRandom();

	Db(Options options) throws SQLException {
		this.connection = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword());
		this.connection.setAutoCommit(true);
		byte[] email = options.emailKey() == null ? new byte[32] : Base64.getDecoder().decode(options.emailKey());
		byte[] hash = options.hashKey() == null ? new byte[32] : Base64.getDecoder().decode(options.hashKey());
		this.emailKey = new SecretKeySpec(email, "AES");
		this.hashKey = new SecretKeySpec(hash, "HmacSHA256");
	}

	String durability() throws SQLException {
		return "fsync=" + show("fsync") + " synchronous_commit=" + show("synchronous_commit") + " full_page_writes="
				+ show("full_page_writes") + " (" + show("server_version") + ")";
	}

	private String show(String setting) throws SQLException {
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	long preloadedComments() throws SQLException {
		return single("select count(*) from comment where moderated_by = '" + PRELOAD + "'");
	}

	/** Deletes the comments the service stored during the run (the engine's verdicts), then settles the table. */
	long deleteSubmitted() throws SQLException {
		long deleted;
		try (Statement s = this.connection.createStatement()) {
			deleted = s.executeUpdate("delete from comment where moderated_by = 'engine'");
		}
		analyze();
		return deleted;
	}

	long allComments() throws SQLException {
		return single("select count(*) from comment");
	}

	long decidedSince(Instant since) throws SQLException {
		try (PreparedStatement s = this.connection.prepareStatement(
				"select count(*) from comment where submitted_at >= ? and moderated_by = 'engine'")) {
			s.setTimestamp(1, Timestamp.from(since));
			return count(s);
		}
	}

	long decidedBetween(Instant since, Instant from, Instant to) throws SQLException {
		try (PreparedStatement s = this.connection.prepareStatement("""
				select count(*) from comment
				where submitted_at >= ? and moderated_by = 'engine' and moderated_at >= ? and moderated_at < ?""")) {
			s.setTimestamp(1, Timestamp.from(since));
			s.setTimestamp(2, Timestamp.from(from));
			s.setTimestamp(3, Timestamp.from(to));
			return count(s);
		}
	}

	long undecidedSubmittedBetween(Instant from, Instant to, long accepted) throws SQLException {
		try (PreparedStatement s = this.connection.prepareStatement(
				"select count(*) from comment where submitted_at >= ? and submitted_at < ? and moderated_by = 'engine'")) {
			s.setTimestamp(1, Timestamp.from(from));
			s.setTimestamp(2, Timestamp.from(to));
			return Math.max(0, accepted - count(s));
		}
	}

	/** p50, p99, p99.9 of moderated_at - submitted_at for comments submitted in the window. */
	double[] verdictLatencyMs(Instant from, Instant to) throws SQLException {
		try (PreparedStatement s = this.connection.prepareStatement("""
				select percentile_cont(array[0.5, 0.99, 0.999]) within group
				         (order by extract(epoch from moderated_at - submitted_at) * 1000)
				from comment where submitted_at >= ? and submitted_at < ? and moderated_by = 'engine'""")) {
			s.setTimestamp(1, Timestamp.from(from));
			s.setTimestamp(2, Timestamp.from(to));
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				java.sql.Array array = rs.getArray(1);
				if (array == null) {
					return new double[] { Double.NaN, Double.NaN, Double.NaN };
				}
				Double[] values = (Double[]) array.getArray();
				return new double[] { values[0], values[1], values[2] };
			}
		}
	}

	/** p50, p99, max of the given comments' verdict latency, and how many have none yet. */
	double[] verdictLatencyMs(List<UUID> ids) throws SQLException {
		try (PreparedStatement s = this.connection.prepareStatement("""
				select percentile_cont(array[0.5, 0.99]) within group
				         (order by extract(epoch from moderated_at - submitted_at) * 1000),
				       max(extract(epoch from moderated_at - submitted_at) * 1000), count(*)
				from comment where id = any(?) and moderated_by = 'engine'""")) {
			s.setArray(1, this.connection.createArrayOf("uuid", ids.toArray()));
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				java.sql.Array array = rs.getArray(1);
				if (array == null) {
					return new double[] { Double.NaN, Double.NaN, Double.NaN, ids.size() };
				}
				Double[] values = (Double[]) array.getArray();
				return new double[] { values[0], values[1], rs.getDouble(2), ids.size() - rs.getLong(3) };
			}
		}
	}

	/** The thread of 200 and 25 reply parents per post: approved comments by the returning commenters. */
	void seed(Traffic traffic) throws Exception {
		SplittableRandom r = new SplittableRandom(42);
		Instant now = Instant.now();
		StringBuilder rows = new StringBuilder();
		int commenter = 0;
		for (int i = 0; i < 200; i++) {
			row(rows, UUID.randomUUID(), Bench.THREAD_POST, Traffic.returningEmail(commenter++ % Traffic.RETURNING),
					traffic.corpus.ham().get(r.nextInt(traffic.corpus.ham().size()))[0], "APPROVED",
					now.minusSeconds(86_400L * 3 - i * 600L), r);
		}
		for (String post : traffic.posts) {
			List<UUID> ids = new ArrayList<>();
			for (int i = 0; i < 25; i++) {
				UUID id = UUID.randomUUID();
				ids.add(id);
				row(rows, id, post, Traffic.returningEmail(commenter++ % Traffic.RETURNING),
						traffic.corpus.ham().get(r.nextInt(traffic.corpus.ham().size()))[0], "APPROVED",
						now.minusSeconds(86_400L * 2 - i * 600L), r);
			}
			traffic.parents.put(post, ids);
		}
		copy(rows);
		analyze();
	}

	/**
	 * Adds {@code n} comments spread over the past year on the benchmark posts, by 200,000 past commenters: approved
	 * or rejected when older than 30 days (the retention jobs would have removed held and spam ones and their IPs),
	 * also held and spam within the last 30 days. COPY in batches, then ANALYZE as autovacuum would.
	 */
	void preload(long n, Traffic traffic) throws Exception {
		SplittableRandom r = new SplittableRandom(n);
		Instant now = Instant.now().minusSeconds(3600);
		StringBuilder rows = new StringBuilder(1 << 22);
		for (long i = 0; i < n; i++) {
			Instant at = now.minusMillis(r.nextLong(365L * 86_400_000L));
			boolean recent = at.isAfter(now.minus(Duration.ofDays(30)));
			double x = r.nextDouble();
			String status = x < 0.80 ? "APPROVED" : x < 0.85 ? "REJECTED" : recent ? (x < 0.95 ? "SPAM" : "HELD") : "APPROVED";
			List<String[]> texts = status.equals("SPAM") ? traffic.corpus.spam() : traffic.corpus.ham();
			row(rows, UUID.randomUUID(), traffic.posts.get(r.nextInt(traffic.posts.size())),
					"past" + r.nextInt(200_000) + "@old.example", texts.get(r.nextInt(texts.size()))[0], status, at, r,
					recent);
			if (rows.length() > (1 << 22)) {
				copy(rows);
			}
		}
		copy(rows);
		analyze();
	}

	private void row(StringBuilder rows, UUID id, String post, String email, String text, String status, Instant at,
			SplittableRandom r) throws Exception {
		row(rows, id, post, email, text, status, at, r, true);
	}

	private void row(StringBuilder rows, UUID id, String post, String email, String text, String status, Instant at,
			SplittableRandom r, boolean withIp) throws Exception {
		String ip = String.format("2001:db8:%x:%x::%x", r.nextInt(65_536), r.nextInt(65_536), 1 + r.nextInt(65_535));
		String prefix = ip.substring(0, ip.indexOf(':', 9)) + ":0:0:0:0:0/48";
		Instant moderated = at.plusMillis(40 + r.nextInt(2000));
		rows.append(id).append('\t').append(post).append('\t').append("\\N").append('\t');
		copyText(rows, "Reader " + (email.hashCode() & 0xffff)).append('\t').append("\\N").append('\t');
		rows.append("k1").append('\t').append(encrypt(email)).append('\t').append(hmac("email:" + email)).append('\t');
		if (withIp) {
			rows.append(prefix).append('\t').append(hmac("ip:" + ip)).append('\t');
		}
		else {
			rows.append("\\N\t\\N\t");
		}
		copyText(rows, text).append('\t').append('f').append('\t').append(at).append('\t');
		rows.append(status).append('\t').append(status.equals("SPAM") ? "0.9" : "0.05").append('\t').append("[]").append('\t');
		rows.append(moderated).append('\t').append(PRELOAD).append('\t').append('0').append('\t');
		rows.append(r.nextLong()).append('\t').append("\\N").append('\n');
	}

	private static StringBuilder copyText(StringBuilder rows, String value) {
		for (int i = 0; i < value.length(); i++) {
			char ch = value.charAt(i);
			switch (ch) {
				case '\\' -> rows.append("\\\\");
				case '\t' -> rows.append("\\t");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				default -> rows.append(ch);
			}
		}
		return rows;
	}

	private void copy(StringBuilder rows) throws SQLException {
		if (rows.length() == 0) {
			return;
		}
		CopyIn copy = this.connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
				copy comment (id, post_id, parent_id, author_name, author_url, email_key_id, email_ciphertext,
				  email_hash, ip_prefix, ip_hash, text, notify_replies, submitted_at, status, spam_score, reasons,
				  moderated_at, moderated_by, version, fingerprint, avatar_id) from stdin""");
		try {
			byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		rows.setLength(0);
	}

	/**
	 * Settles the table as a running service's would be: VACUUM sets the hint bits and visibility map the bulk load
	 * left unset, ANALYZE gives the planner the new sizes, and a CHECKPOINT writes the dirty pages back now, so the
	 * next phase measures the verdict path rather than PostgreSQL catching up with the load (a database whose user may
	 * not checkpoint skips that step).
	 */
	private void analyze() throws SQLException {
		try (Statement s = this.connection.createStatement()) {
			s.execute("vacuum (analyze) comment");
			try {
				s.execute("checkpoint");
			}
			catch (SQLException notAllowed) {
				Bench.say("  (no CHECKPOINT after the bulk load: %s)", notAllowed.getMessage());
			}
		}
	}

	/** As the service encrypts: AES-256-GCM, 12-byte nonce, key id as AAD, Base64 of nonce + ciphertext. */
	private String encrypt(String email) throws Exception {
		byte[] nonce = new byte[12];
		ThreadLocalRandom.current().nextBytes(nonce);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, this.emailKey, new GCMParameterSpec(128, nonce));
		cipher.updateAAD("k1".getBytes(StandardCharsets.UTF_8));
		byte[] sealed = cipher.doFinal(email.getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
	}

	private final ThreadLocal<Mac> mac = new ThreadLocal<>();

	private String hmac(String value) throws Exception {
		Mac m = this.mac.get();
		if (m == null) {
			m = Mac.getInstance("HmacSHA256");
			m.init(this.hashKey);
			this.mac.set(m);
		}
		return HexFormat.of().formatHex(m.doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

	private long single(String sql) throws SQLException {
		try (Statement s = this.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long count(PreparedStatement s) throws SQLException {
		try (ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}

/** The SMTP catcher: GreenMail on 127.0.0.1, emptied every second so memory stays bounded; the count goes to a file. */
final class Smtp {

	static void run(int port, Path countFile) throws Exception {
		var setup = new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp");
		var mail = new com.icegreen.greenmail.util.GreenMail(setup);
		mail.start();
		System.out.println("SMTP catcher (GreenMail) on 127.0.0.1:" + port);
		AtomicBoolean running = new AtomicBoolean(true);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			running.set(false);
			mail.stop();
		}));
		long total = 0;
		while (running.get()) {
			Thread.sleep(1000); // a periodic purge, not a synchronisation
			int received = mail.getReceivedMessages().length;
			if (received > 0) {
				mail.purgeEmailFromAllMailboxes();
				total += received;
				Files.writeString(countFile, Long.toString(total));
			}
		}
	}

}
