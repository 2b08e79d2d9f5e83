package dev.moderato.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CI ({@code .ci/run}) runs the README's test command on the Java the image ships, and refuses clearly where that
 * Java is missing rather than quietly testing on another one.
 */
class CiScriptTests {

	@Test
	void runsTheReadmesTestCommandOnTheJavaTheImageShips() throws Exception {
		Result dryRun = ci(Map.of("MODERATO_CI_DRY_RUN", "1", "MODERATO_CI_NO_INSTALL", "1"));
		Assumptions.assumeTrue(dryRun.exit() == 0, () -> "no JDK " + imageJava() + " on this machine: " + dryRun.output());
		Matcher home = Pattern.compile("(?m)^JAVA_HOME=(.+)$").matcher(dryRun.output());
		assertThat(home.find()).as(dryRun.output()).isTrue();
		assertThat(specificationVersion(Path.of(home.group(1)))).isEqualTo(imageJava());
		assertThat(dryRun.output().lines().reduce((a, b) -> b).orElseThrow().replace(" -B", ""))
			.isEqualTo(readmeTestCommand());
	}

	@Test
	void failsNamingTheMissingJavaWhereThereIsNone() throws Exception {
		Path noJdks = Files.createTempDirectory("no-jdks");
		Result run = ci(Map.of("MODERATO_CI_DRY_RUN", "1", "MODERATO_CI_NO_INSTALL", "1", "MODERATO_CI_JVM_DIR", noJdks.toString()));
		assertThat(run.exit()).isNotZero();
		assertThat(run.output()).contains("No JDK " + imageJava()).doesNotContain("JAVA_HOME=");
	}

	private record Result(int exit, String output) {
	}

	private static Result ci(Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", ".ci/run").redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	/** The runtime stage's Java: {@code ARG JRE_IMAGE=eclipse-temurin:25-jre-noble} → 25. */
	private static String imageJava() {
		String dockerfile;
		try {
			dockerfile = Files.readString(Path.of("Dockerfile"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Matcher version = Pattern.compile("(?m)^ARG JRE_IMAGE=eclipse-temurin:(\\d+)-jre").matcher(dockerfile);
		assertThat(version.find()).isTrue();
		return version.group(1);
	}

	private static String specificationVersion(Path javaHome) throws Exception {
		Process java = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-XshowSettings:properties", "-version")
			.redirectErrorStream(true).start();
		String settings = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
		Matcher version = Pattern.compile("java\\.specification\\.version = (\\d+)").matcher(settings);
		assertThat(version.find()).as(settings).isTrue();
		return version.group(1);
	}

	/** The command under "Run every test" in the README. */
	private static String readmeTestCommand() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		Matcher command = Pattern.compile("Run every test[^\\n]*\\n+```sh\\n([^\\n]+)\\n```").matcher(readme);
		assertThat(command.find()).as("the README's test command").isTrue();
		return command.group(1).trim();
	}

}
