package dev.moderato.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the image without a Docker engine: a JDK build stage, a JRE 25 runtime stage, the layered
 * jar copied least-changed first, a non-root user, and an exec-form entry point so the JVM receives SIGTERM.
 * (The jar it packs is started with production settings by {@code JarStartsHealthyIT}.)
 */
class DockerfileTests {

	private final List<String> lines = read();

	@Test
	void buildsWithAJdkAndRunsOnAJre25AsANonRootUser() {
		assertThat(argument("JDK_IMAGE")).matches("eclipse-temurin:25-jdk.*");
		assertThat(argument("JRE_IMAGE")).matches("eclipse-temurin:25-jre.*");
		assertThat(this.lines).filteredOn(l -> l.startsWith("FROM ")).containsExactly("FROM ${JDK_IMAGE} AS build",
				"FROM ${JRE_IMAGE}");
		String user = this.lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
		assertThat(user.substring(5).split(":")[0]).isNotIn("0", "root").matches("\\d+");
		assertThat(String.join("\n", this.lines)).doesNotContain(":latest");
	}

	@Test
	void copiesTheLayersLeastChangedFirstAndStartsTheJvmAsPidOne() {
		assertThat(String.join("\n", this.lines)).contains("-Djarmode=tools", "extract --layers --launcher");
		assertThat(this.lines).filteredOn(l -> l.startsWith("COPY --from=build")).extracting(l -> l.split("/")[3])
			.containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
		assertThat(this.lines).filteredOn(l -> l.startsWith("ENTRYPOINT")).singleElement().asString().startsWith("ENTRYPOINT [\"java\"");
		assertThat(String.join("\n", this.lines)).contains("MaxRAMPercentage");
	}

	private String argument(String name) {
		return this.lines.stream().filter(l -> l.startsWith("ARG " + name + "=")).findFirst().orElseThrow().split("=", 2)[1];
	}

	private static List<String> read() {
		try {
			return Files.readAllLines(Path.of("Dockerfile"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
