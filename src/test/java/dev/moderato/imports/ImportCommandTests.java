package dev.moderato.imports;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.moderato.DevServices;
import dev.moderato.ModeratoApplication;
import dev.moderato.OwnDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application's {@code import} command, headless and end to end: run through the same dispatch
 * {@code java -jar moderato.jar import ...} takes, with the test's services and a database of its own (the command's
 * application context is not the shared one).
 */
class ImportCommandTests {

	static OwnDatabase database;

	@TempDir
	Path dir;

	@BeforeAll
	static void aSiteToImportInto() throws SQLException {
		database = OwnDatabase.create("cli").migrate();
		try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
				insert into site (id, name, origins, post_url_prefixes, author_name, author_email, created_at, updated_at)
				values ('cli', 'Blog', '{https://cli.example}', '{https://cli.example/}', 'Author', 'author@cli.example',
				  now(), now())
				""")) {
			insert.executeUpdate();
		}
	}

	@Test
	void importsAFileAndExitsZero() throws Exception {
		Path file = new ImportFiles().post("p", "https://cli.example/hello/", "Hello")
			.comment("c1", "p", null, "Ann", "ann@cli.example", "approved", "First!", "2019-03-02T08:00:00Z")
			.comment("c2", "p", "c1", "Bob", null, "held", "A reply", "2019-03-02T09:00:00Z")
			.write(this.dir);

		Output output = run("import", "--site", "cli", "--format", "moderato", file.toString());

		assertThat(output.exit).as(output.err).isZero();
		assertThat(output.out).contains("\"imported\" : 2");
		assertThat(count("select count(*) from comment")).isEqualTo(2);
		assertThat(count("select count(*) from comment where parent_id is not null")).isEqualTo(1);
	}

	@Test
	void aBrokenFileExitsOneWithAClearMessageAndImportsNothing() throws Exception {
		String whole = new ImportFiles().post("q", "https://cli.example/broken/", "Broken")
			.comment("b1", "q", null, "Cat", "cat@cli.example", "approved", "Cut short", "2019-03-02T08:00:00Z")
			.json();
		Path file = Files.writeString(this.dir.resolve("broken.json"), whole.substring(0, whole.length() - 20));

		Output output = run("import", "--site", "cli", "--format", "moderato", file.toString());

		assertThat(output.exit).isEqualTo(1);
		assertThat(output.err).contains("Import failed: The file cannot be read as moderato")
			.contains("nothing was imported");
		assertThat(count("select count(*) from comment c join post p on p.id = c.post_id where p.url like '%/broken/'"))
			.isZero();
		assertThat(count("select count(*) from import_source where source_id = 'b1'")).isZero();
	}

	private record Output(int exit, String out, String err) {
	}

	private static Output run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		// the command sets the root log level for its own JVM; this one goes on with other tests afterwards
		LoggingSystem logging = LoggingSystem.get(ImportCommandTests.class.getClassLoader());
		LoggerConfiguration root = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = ImportCommand.run(new SpringApplicationBuilder(ModeratoApplication.class, DevServices.class)
				.profiles("embedded")
				.properties(database.properties()), args);
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, root == null ? null : root.getConfiguredLevel());
		}
		return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private static long count(String sql) throws SQLException {
		try (Connection connection = database.connect(); ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
