package dev.moderato.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports started over HTTP: each runs in the background, one at a time per instance, from the uploaded file (deleted
 * when it is done), and its state lives in {@code import_job}, written every second while it runs. A job whose
 * instance stopped (no update for a minute) reads as failed, "interrupted"; importing the file again is safe, since an
 * import adds only what is new.
 */
@Service
class ImportJobs implements DisposableBean {

	static final Duration STALE = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final Importer importer;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "moderato-import");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "moderato-import-progress");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<UUID, ImportProgress> active = new ConcurrentHashMap<>();

	ImportJobs(Importer importer, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.heartbeat.scheduleWithFixedDelay(this::saveProgress, 1, 1, TimeUnit.SECONDS);
	}

	/** A job's state as {@code GET /api/v1/imports/{id}} reports it. */
	record Job(UUID id, String site, String format, boolean dryRun, String state, long read, long imported,
			long skipped, long failed, List<ImportProgress.Problem> errors, @Nullable String message,
			@Nullable ImportReport result) {
	}

	/** Starts importing the file (the job owns it from now on and deletes it). */
	UUID start(ImportRequest request, Path file) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update("""
				insert into import_job (id, site_id, format, dry_run, learn, state, started_by, started_at, updated_at)
				values (?, ?, ?, ?, ?, 'running', ?, ?, ?)
				""", id, request.site().value(), request.format().id(), request.dryRun(), request.learn(), request.by(), now, now);
		ImportProgress progress = new ImportProgress();
		this.active.put(id, progress);
		this.runner.execute(() -> run(id, request, file, progress));
		return id;
	}

	private void run(UUID id, ImportRequest request, Path file, ImportProgress progress) {
		try {
			ImportReport report = this.importer.run(request, file, progress);
			finish(id, "done", progress, null, report);
		}
		catch (ImportFailed ex) {
			finish(id, "failed", progress, ex.getMessage(), null);
		}
		catch (RuntimeException ex) {
			log.error("Import job {} failed", id, ex);
			finish(id, "failed", progress, "The import stopped on an unexpected error; nothing after it was imported", null);
		}
		finally {
			this.active.remove(id);
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Import job {}: the uploaded file could not be deleted", id);
			}
		}
	}

	private void finish(UUID id, String state, ImportProgress progress, @Nullable String message,
			@Nullable ImportReport report) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.update("""
				update import_job set state = ?, read = ?, imported = ?, skipped = ?, failed = ?, errors = cast(? as jsonb),
				  result = cast(? as jsonb), message = ?, updated_at = ?, finished_at = ?
				where id = ?
				""", state, progress.read(), progress.imported(), progress.skipped(), progress.failed(),
				this.json.writeValueAsString(progress.errors()), report == null ? null : this.json.writeValueAsString(report),
				message, now, now, id);
	}

	private void saveProgress() {
		try {
			Timestamp now = Timestamp.from(this.clock.instant());
			this.active.forEach((id, progress) -> this.jdbc.update("""
					update import_job set read = ?, imported = ?, skipped = ?, failed = ?, errors = cast(? as jsonb),
					  updated_at = ?
					where id = ? and state = 'running'
					""", progress.read(), progress.imported(), progress.skipped(), progress.failed(),
					this.json.writeValueAsString(progress.errors()), now, id));
		}
		catch (RuntimeException ex) {
			log.warn("Import progress could not be saved: {}", ex.getClass().getSimpleName());
		}
	}

	Optional<Job> find(UUID id) {
		Timestamp stale = Timestamp.from(this.clock.instant().minus(STALE));
		return this.jdbc.query("select * from import_job where id = ?", rs -> {
			if (!rs.next()) {
				return Optional.<Job>empty();
			}
			ImportProgress live = this.active.get(id);
			String state = rs.getString("state");
			String message = rs.getString("message");
			if (state.equals("running") && live == null && rs.getTimestamp("updated_at").before(stale)) {
				state = "failed";
				message = "interrupted: the instance running it stopped; import the file again (it adds only what is new)";
			}
			String result = rs.getString("result");
			List<ImportProgress.Problem> errors = live != null ? live.errors()
					: List.of(this.json.readValue(rs.getString("errors"), ImportProgress.Problem[].class));
			return Optional.of(new Job(id, rs.getString("site_id"), rs.getString("format"), rs.getBoolean("dry_run"), state,
					live != null ? live.read() : rs.getLong("read"), live != null ? live.imported() : rs.getLong("imported"),
					live != null ? live.skipped() : rs.getLong("skipped"), live != null ? live.failed() : rs.getLong("failed"),
					errors, message, result == null ? null : this.json.readValue(result, ImportReport.class)));
		}, id);
	}

	@Override
	public void destroy() {
		this.heartbeat.shutdownNow();
		this.runner.shutdownNow();
	}

}
