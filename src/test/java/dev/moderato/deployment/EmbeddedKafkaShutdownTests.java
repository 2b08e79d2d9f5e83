package dev.moderato.deployment;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.moderato.TestApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the dev run ({@code ./mvnw spring-boot:test-run}, then Ctrl-C or SIGTERM) is orderly: the application
 * context closes (listener containers first), then the embedded broker stops, then its data directory is deleted, so
 * it prints no Kafka errors about vanished checkpoint files. The dev run is started in a JVM of its own and stopped.
 */
class EmbeddedKafkaShutdownTests {

	@Test
	void stoppingTheDevRunPrintsNoErrors() throws Exception {
		Path log = Files.createTempFile("dev-run-stop", ".log");
		Path tmp = Files.createTempDirectory("dev-run-stop");
		ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp, TestApplication.class.getName())
			.redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SERVER_PORT", String.valueOf(freePort()));
		builder.environment().put("MODERATO_TESTCONTAINERS", "false");
		builder.environment().remove("SPRING_KAFKA_BOOTSTRAP_SERVERS");
		Process devRun = builder.start();
		try {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(devRun.isAlive()).as("the dev run is running: see %s", log).isTrue();
				return Files.readString(log).contains("Health:"); // the last line DevSeed prints once the run is ready
			});
		}
		finally {
			devRun.destroy(); // SIGTERM, as Ctrl-C on the Maven run ends in
			assertThat(devRun.waitFor(90, TimeUnit.SECONDS)).as("stops: see %s", log).isTrue();
		}
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

		assertThat(devRun.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
		assertThat(lines).as("the context closed").anyMatch(l -> l.contains("Commencing graceful shutdown"));
		assertThat(lines).as("no errors on the way out: see %s", log)
			.noneMatch(l -> l.contains(" ERROR ") || l.contains("KafkaStorageException"));
		try (Stream<Path> left = Files.list(tmp)) {
			assertThat(left.filter(p -> p.getFileName().toString().startsWith("kafka-")))
				.as("the broker's data deleted after it stopped").isEmpty();
		}
		Files.delete(log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
