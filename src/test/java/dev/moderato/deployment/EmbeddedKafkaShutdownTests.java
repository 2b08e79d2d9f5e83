package dev.moderato.deployment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.moderato.EmbeddedServices;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-JVM broker of the dev run and the tests stops in order when its JVM exits: the broker shuts down, then its
 * data directory is deleted, so stopping the dev run ({@code ./mvnw spring-boot:test-run}, Ctrl-C) prints no Kafka
 * errors about vanished checkpoint files. Run in a JVM of its own, which it stops.
 */
class EmbeddedKafkaShutdownTests {

	@Test
	void theEmbeddedBrokerStopsWithoutErrorsWhenItsJvmExits() throws Exception {
		Path log = Files.createTempFile("embedded-kafka-exit", ".log");
		Path tmp = Files.createTempDirectory("embedded-kafka-exit");
		Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + tmp, BrokerThenExit.class.getName())
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(jvm.waitFor(120, TimeUnit.SECONDS)).as("the JVM exits: see %s", log).isTrue();
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

		assertThat(jvm.exitValue()).as(String.join("\n", lines)).isZero();
		assertThat(lines).as("the broker ran and was written to").anyMatch(l -> l.contains("record written and consumed"));
		assertThat(lines).as("no errors on the way out").noneMatch(l -> l.contains(" ERROR ") || l.contains("Exception"));
		try (Stream<Path> left = Files.list(tmp)) {
			assertThat(left.filter(p -> p.getFileName().toString().startsWith("kafka-"))).as("the broker's data deleted after it stopped").isEmpty();
		}
		Files.delete(log);
	}

	/**
	 * The dev run's shape in small: the embedded broker, a Spring context with a listener container consuming from it
	 * (the context closes first, then the broker), a record written and consumed, then the JVM exits. Its context, like
	 * the service's, takes a while to close: here until the broker's data directory is gone, at most 5 s, so a deletion
	 * racing the broker's own shutdown would always be seen.
	 */
	@ImportAutoConfiguration(KafkaAutoConfiguration.class)
	static class BrokerThenExit {

		static final CountDownLatch consumed = new CountDownLatch(1);

		public static void main(String[] args) {
			int exit = 1;
			try {
				run();
				exit = 0;
			}
			catch (Exception ex) {
				ex.printStackTrace();
			}
			System.exit(exit); // the JVM's shutdown hooks, as on SIGTERM or Ctrl-C
		}

		private static void run() throws Exception {
			SpringApplication application = new SpringApplication(BrokerThenExit.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			ConfigurableApplicationContext context = application.run("--spring.config.name=no-application-config",
					"--spring.kafka.consumer.auto-offset-reset=earliest",
					"--spring.main.banner-mode=off");
			context.getBean(KafkaTemplate.class).send("shutdown-probe", "k", "v").get(30, TimeUnit.SECONDS);
			if (!consumed.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the record was not consumed");
			}
			System.out.println("record written and consumed");
		}

		/** As {@code DevServices} does: the broker is started while the context starts. */
		@Bean
		KafkaConnectionDetails embeddedKafka() {
			String bootstrap = EmbeddedServices.kafka();
			return () -> List.of(bootstrap);
		}

		@Bean
		NewTopic probeTopic() {
			return TopicBuilder.name("shutdown-probe").partitions(2).replicas(1).build();
		}

		@Bean
		DisposableBean slowToClose() {
			return () -> {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
				while (System.nanoTime() < deadline && brokerData()) {
					Thread.onSpinWait();
				}
			};
		}

		private static boolean brokerData() {
			try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
				return dirs.anyMatch(p -> p.getFileName().toString().startsWith("kafka-") && Files.exists(p.resolve("combined_0_0")));
			}
			catch (java.io.IOException ex) {
				return false;
			}
		}

		@KafkaListener(id = "shutdown-probe", groupId = "shutdown-probe", topics = "shutdown-probe")
		void on(String value) {
			consumed.countDown();
		}

	}

}
