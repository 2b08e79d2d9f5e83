package dev.moderato.imports;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar moderato.jar import --site SITE --format FMT [--dry-run] [--learn] FILE} and
 * {@code export --site SITE --format moderato|wxr [--emails] FILE}: runs the application as a command (not a web
 * application: no server, no port), without its Kafka listeners and its consumers' schedules (role {@code intake}
 * only, no topic creation), against the configured database; prints a progress line every second on stderr and the
 * report as JSON on stdout; exits 0, or 1 on failure (2 for a usage error).
 */
public final class ImportCommand {

	/**
	 * Role {@code intake} only, no Kafka listeners, no topic creation; beans created when first used (the command
	 * needs the importer and what it uses, not the spam engine, whose prior takes seconds to train, unless it learns).
	 */
	static final Map<String, Object> HEADLESS = Map.of("moderato.operations.roles", "intake",
			"spring.kafka.listener.auto-startup", "false", "spring.kafka.admin.auto-create", "false",
			"spring.main.lazy-initialization", "true", "logging.level.root", "WARN");

	private ImportCommand() {
	}

	/** Whether the arguments ask for this command rather than the service. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
	}

	/** Runs the command in the application {@code main} starts. @return the exit code */
	public static int run(Class<?> application, String[] args) {
		return run(new SpringApplicationBuilder(application), args);
	}

	/** Runs the command in the given application (a test's: with its services). @return the exit code */
	static int run(SpringApplicationBuilder application, String[] args) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: import --site SITE --format wxr|disqus|isso|remark42|commento|moderato [--dry-run] [--learn] FILE");
			System.err.println("       export --site SITE --format moderato|wxr [--emails] FILE");
			return 2;
		}
		// not a web application: no server, no port, and the web and security beans are never created
		try (ConfigurableApplicationContext context = application.web(WebApplicationType.NONE)
			.properties(HEADLESS)
			.run()) {
			return arguments.importing ? runImport(context, arguments) : runExport(context, arguments);
		}
	}

	private static int runImport(ConfigurableApplicationContext context, Arguments arguments) {
		ImportProgress progress = new ImportProgress();
		// a daemon, and stopped whatever happens: an unexpected failure must end the command, not leave it waiting
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "import-progress");
			thread.setDaemon(true);
			return thread;
		});
		PrintStream err = System.err;
		ticker.scheduleAtFixedRate(() -> err.print("\r" + progress.line() + "   "), 1, 1, TimeUnit.SECONDS);
		try {
			ImportReport report = context.getBean(Importer.class)
				.run(new ImportRequest(new SiteId(arguments.site), SourceFormat.of(arguments.format), arguments.dryRun,
						arguments.learn, "command line"), arguments.file, progress);
			ticker.shutdownNow();
			err.println("\r" + progress.line());
			System.out.println(context.getBean(JsonMapper.class).writerWithDefaultPrettyPrinter().writeValueAsString(report));
			return report.failed() == 0 ? 0 : 1;
		}
		catch (ImportFailed ex) {
			ticker.shutdownNow();
			err.println();
			err.println("Import failed: " + ex.getMessage());
			return 1;
		}
		finally {
			ticker.shutdownNow();
		}
	}

	private static int runExport(ConfigurableApplicationContext context, Arguments arguments) {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(arguments.file))) {
			context.getBean(SiteExport.class).write(new SiteId(arguments.site), ExportFormat.of(arguments.format),
					arguments.emails, "command line", out);
			return 0;
		}
		catch (ImportFailed | java.io.IOException | java.io.UncheckedIOException ex) {
			System.err.println("Export failed: " + ex.getMessage());
			return 1;
		}
	}

	private record Arguments(boolean importing, String site, String format, boolean dryRun, boolean learn,
			boolean emails, Path file) {

		static Arguments parse(String[] args) {
			String site = null;
			String format = null;
			boolean dryRun = false;
			boolean learn = false;
			boolean emails = false;
			List<String> files = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				switch (args[i]) {
					case "--site" -> site = value(args, ++i, "--site");
					case "--format" -> format = value(args, ++i, "--format");
					case "--dry-run" -> dryRun = true;
					case "--learn" -> learn = true;
					case "--emails" -> emails = true;
					default -> {
						if (args[i].startsWith("--")) {
							throw new IllegalArgumentException("Unknown option " + args[i]);
						}
						files.add(args[i]);
					}
				}
			}
			boolean importing = args[0].equals("import");
			if (site == null || !SiteId.isValid(site)) {
				throw new IllegalArgumentException("--site SITE is required (1 to 50 of a-z, 0-9 and '-')");
			}
			if (format == null) {
				throw new IllegalArgumentException("--format is required");
			}
			if (importing) {
				SourceFormat.of(format);
			}
			else {
				ExportFormat.of(format);
			}
			if (files.size() != 1) {
				throw new IllegalArgumentException("exactly one FILE is required");
			}
			Path file = Path.of(files.get(0));
			if (importing && !Files.isReadable(file)) {
				throw new IllegalArgumentException("Cannot read " + file);
			}
			return new Arguments(importing, site, format, dryRun, learn, emails, file);
		}

		private static String value(String[] args, int i, String option) {
			if (i >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			return args[i];
		}

	}

}
