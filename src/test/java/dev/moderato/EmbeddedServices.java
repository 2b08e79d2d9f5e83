package dev.moderato;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The real backing services for tests and the dev run, started once per JVM and shared by every application context
 * in it: Kafka and PostgreSQL in Docker containers when a Docker engine is available, otherwise an in-JVM KRaft broker
 * and an embedded PostgreSQL 17 (Zonky); GreenMail for SMTP either way. They stop after every Spring context has
 * closed, so no context ever sees its database vanish while it shuts down.
 */
public final class EmbeddedServices {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

	private static String kafkaBootstrap;

	private static Database database;

	private static GreenMail greenMail;

	private static Boolean docker;

	private EmbeddedServices() {
	}

	/** A JDBC endpoint. */
	public record Database(String jdbcUrl, String username, String password) {
	}

	public static synchronized String kafka() {
		if (kafkaBootstrap == null) {
			if (useDocker()) {
				KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
				container.start();
				onShutdown(container::stop);
				kafkaBootstrap = container.getBootstrapServers();
			}
			else {
				EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
				broker.brokerProperties(Map.of("offsets.topic.num.partitions", "1", "group.initial.rebalance.delay.ms",
						"0", "transaction.state.log.num.partitions", "1", "auto.create.topics.enable", "false"));
				// Kafka's test kit deletes the broker's data directory from a JVM shutdown hook of its own, which runs
				// alongside Spring's: while the context was still closing, the directory went and the broker then
				// logged ~150 lines of errors about vanished checkpoint files on its way down. Take those hooks over
				// and run them after the broker has stopped (itself after every context has closed).
				List<Runnable> deleteData = new ArrayList<>();
				Exit.setShutdownHookAdder((name, hook) -> deleteData.add(hook));
				try {
					broker.afterPropertiesSet();
				}
				finally {
					Exit.resetShutdownHookAdder();
				}
				onShutdown(() -> {
					broker.destroy();
					deleteData.forEach(Runnable::run);
				});
				kafkaBootstrap = broker.getBrokersAsString();
			}
			log.info("Kafka for tests and the dev run at {}", kafkaBootstrap);
		}
		return kafkaBootstrap;
	}

	public static synchronized Database postgres() {
		if (database == null) {
			if (useDocker()) {
				PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
				container.start();
				onShutdown(container::stop);
				database = new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			else {
				try {
					EmbeddedPostgres postgres = EmbeddedPostgres.builder()
						.setRegisterShutdownHook(false)
						.setServerConfig("fsync", "off")
						.setServerConfig("synchronous_commit", "off")
						.setServerConfig("full_page_writes", "off")
						.start();
					onShutdown(() -> {
						try {
							postgres.close();
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					});
					database = new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
				}
			}
			log.info("PostgreSQL for tests and the dev run at {}", database.jdbcUrl());
		}
		return database;
	}

	public static synchronized GreenMail greenMail() {
		if (greenMail == null) {
			greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
			onShutdown(greenMail::stop);
			log.info("GreenMail SMTP for tests and the dev run on port {}", greenMail.getSmtp().getPort());
		}
		return greenMail;
	}

	private static boolean useDocker() {
		if (docker == null) {
			docker = !"false".equalsIgnoreCase(System.getenv("MODERATO_TESTCONTAINERS")) && dockerAvailable();
			log.info(docker ? "Docker engine found: Kafka and PostgreSQL run in Testcontainers"
					: "No Docker engine: Kafka and PostgreSQL run embedded");
		}
		return docker;
	}

	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
				&& !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))) {
			return false; // spare the Testcontainers probe and its error log
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	private static void onShutdown(Runnable action) {
		// Spring runs these after every application context has closed
		SpringApplication.getShutdownHandlers().add(action);
	}

}
