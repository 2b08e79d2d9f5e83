package dev.moderato.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.EmbeddedServices;
import dev.moderato.Mailbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged service, laid out as the image runs it (the jar's layers extracted and started with the Spring Boot
 * launcher), starts with production settings only (no profile, everything from environment variables) against real
 * Kafka, PostgreSQL and SMTP, reports healthy, takes a comment through to the author's mail, logs JSON lines with the
 * ids and no email or full address, and shuts down gracefully on SIGTERM.
 */
class JarStartsHealthyIT {

	private static final String COMMENTER = "Jar.Commenter@Private.Example";

	private static final String CLIENT_ADDRESS = "203.0.113.77";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theImageLayoutStartsWithProductionSettingsReportsHealthyAndStopsGracefully() throws Exception {
		Path app = layered(Path.of(System.getProperty("moderato.jar", "target/moderato-0.1.0-SNAPSHOT.jar")));
		GreenMail smtp = EmbeddedServices.greenMail();
		int port = freePort();
		Path log = Files.createTempFile("moderato-jar", ".log");
		// as the Dockerfile's ENTRYPOINT starts it (the flag exists from Java 22 on; the image runs 25)
		List<String> command = Runtime.version().feature() >= 22
				? List.of(java(), "--enable-native-access=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher")
				: List.of(java(), "org.springframework.boot.loader.launch.JarLauncher");
		ProcessBuilder builder = new ProcessBuilder(command)
			.directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(productionEnvironment(port, smtp.getSmtp().getPort()));
		Process service = builder.start();
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).build();
		RestClient admin = RestClient.builder().baseUrl("http://localhost:" + port)
			.defaultHeaders(h -> h.setBasicAuth("ops", "ops-password")).build();
		int exit;
		try {
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(service.isAlive()).as("the service is running: see %s", log).isTrue();
				return "UP".equals(status(http, "/actuator/health/readiness"));
			});
			JsonNode health = this.json.readTree(admin.get().uri("/actuator/health").retrieve().body(String.class));
			for (String component : List.of("db", "kafka", "mail", "livenessState", "readinessState")) {
				assertThat(health.get("components").get(component).get("status").asString()).as(component).isEqualTo("UP");
			}

			admin.put().uri("/api/v1/posts/jar-post").contentType(MediaType.APPLICATION_JSON)
				.body("{\"title\": \"Packaged\", \"url\": \"https://blog.example/jar\", \"authorName\": \"Pat\", "
						+ "\"authorEmail\": \"pat@blog.example\"}")
				.retrieve().toBodilessEntity();
			ResponseEntity<String> accepted = http.post().uri("/api/v1/posts/jar-post/comments")
				.contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", CLIENT_ADDRESS)
				.body("{\"authorName\": \"Jo\", \"authorEmail\": \"" + COMMENTER + "\", \"text\": \"From the jar.\"}")
				.retrieve().toEntity(String.class);
			assertThat(accepted.getStatusCode().value()).isEqualTo(202);
			String mail = Mailbox.raw(await().atMost(Duration.ofSeconds(30))
				.until(() -> new Mailbox(smtp).to("pat@blog.example"), m -> !m.isEmpty()).get(0));
			assertThat(mail.replaceAll("=\r?\n", "")).as("links start with the public URL it was given")
				.contains(publicUrl(port) + "/moderation/links/");
			assertThat(admin.get().uri("/actuator/prometheus").retrieve().body(String.class))
				.contains("moderato_intake_submissions_total", "moderato_moderation_verdicts_total");
		}
		finally {
			service.destroy(); // SIGTERM, as Kubernetes and Docker send it
			assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("stops within the grace period").isTrue();
			exit = service.exitValue();
		}
		assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);

		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(log)) {
			if (!line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS")) { // the JVM's own notice
				lines.add(this.json.readTree(line)); // every line is JSON
			}
		}
		JsonNode accepted = find(lines, "Comment accepted");
		JsonNode moderated = find(lines, "Comment moderated");
		String trace = field(accepted, "traceId");
		assertThat(trace).as("trace id on the intake line").isNotBlank();
		assertThat(field(accepted, "commentId")).isNotBlank().isEqualTo(field(moderated, "commentId"));
		assertThat(field(accepted, "postId")).isEqualTo("jar-post");
		assertThat(field(moderated, "traceId")).as("one trace from the request to the consumer").isEqualTo(trace);
		find(lines, "Commencing graceful shutdown");
		String all = String.join("\n", Files.readAllLines(log));
		assertThat(all).doesNotContainIgnoringCase(COMMENTER).doesNotContain(CLIENT_ADDRESS);
	}

	private Map<String, String> productionEnvironment(int port, int smtpPort) {
		EmbeddedServices.Database db = EmbeddedServices.postgres();
		Map<String, String> env = new HashMap<>();
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("MODERATO_MODERATION_PUBLIC_URL", publicUrl(port));
		env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", EmbeddedServices.kafka());
		env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", db.username());
		env.put("SPRING_DATASOURCE_PASSWORD", db.password());
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
		env.put("MODERATO_PRIVACY_ACTIVE_KEY_ID", "k1");
		env.put("MODERATO_PRIVACY_EMAILKEYS_K1", randomKey());
		env.put("MODERATO_PRIVACY_HASH_KEY", randomKey());
		env.put("MODERATO_ACCOUNTS_ADMIN_USERNAME", "ops");
		env.put("MODERATO_ACCOUNTS_ADMIN_PASSWORD", "ops-password");
		env.put("MODERATO_OPERATIONS_METRICS_REFRESH", "2s");
		env.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=25");
		env.remove("SPRING_PROFILES_ACTIVE");
		return env;
	}

	/** What the Dockerfile does: extract the layers and stack them in one directory. */
	private static Path layered(Path jar) throws Exception {
		assertThat(jar).as("the packaged jar (run through ./mvnw verify)").exists();
		Path extracted = Files.createTempDirectory("moderato-layers");
		Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
				"--layers", "--launcher", "--destination", extracted.toString()).inheritIO().start();
		assertThat(extract.waitFor(120, TimeUnit.SECONDS) && extract.exitValue() == 0).as("layers extracted").isTrue();
		Path app = Files.createTempDirectory("moderato-app");
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			Path from = extracted.resolve(layer);
			try (Stream<Path> files = Files.walk(from)) {
				files.forEach(source -> copy(source, app.resolve(from.relativize(source).toString())));
			}
		}
		return app;
	}

	private static void copy(Path source, Path target) {
		try {
			if (Files.isDirectory(source)) {
				Files.createDirectories(target);
			}
			else {
				Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String status(RestClient http, String path) {
		try {
			return this.json.readTree(http.get().uri(path).retrieve().onStatus(s -> true, (req, res) -> {
			}).body(String.class)).get("status").asString();
		}
		catch (RuntimeException ex) {
			return "DOWN"; // not listening yet
		}
	}

	private static JsonNode find(List<JsonNode> lines, String message) {
		return lines.stream().filter(l -> l.toString().contains(message)).findFirst()
			.orElseThrow(() -> new AssertionError("No log line with '" + message + "'"));
	}

	/** A field wherever the structured format puts it (top level or nested). */
	private static String field(JsonNode line, String name) {
		JsonNode found = line.findValue(name);
		return found == null ? "" : found.asString();
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** Where people reach it: here straight on its port; in production the proxy's address. */
	private static String publicUrl(int port) {
		return "http://localhost:" + port;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

}
