package dev.moderato.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.moderato.Api;
import dev.moderato.CommentFixtures;
import dev.moderato.DevServices;
import dev.moderato.ModeratoApplication;
import dev.moderato.Topics;
import dev.moderato.comments.Comment;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterPrivacy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PostgreSQL stops while comments flow, then comes back. Intake keeps accepting comments on a known post onto Kafka
 * (the post registry is cached; a reply's parent is left for the consumer to check), what needs the database answers
 * 503 with Retry-After, the moderation consumer waits, and afterwards every accepted comment has exactly one verdict
 * and nothing went to a dead-letter topic.
 * <p>
 * It breaks its services, so it has its own: a PostgreSQL it can stop and start again on the same port and data
 * directory, its own Kafka broker (the shared context's consumers would otherwise take its records) and its own
 * application context.
 */
class DatabaseOutageTests {

	static Path dataDirectory;

	static int port;

	static EmbeddedPostgres postgres;

	static EmbeddedKafkaKraftBroker kafka;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void startServices() throws IOException {
		dataDirectory = Files.createTempDirectory("moderato-outage-pg");
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		postgres = startPostgres();
		kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.brokerProperties(Map.of("offsets.topic.num.partitions", "1", "group.initial.rebalance.delay.ms", "0",
				"transaction.state.log.num.partitions", "1", "auto.create.topics.enable", "false"));
		kafka.afterPropertiesSet();
		// arguments, not default properties: they must win over application.yml
		context = new SpringApplicationBuilder(ModeratoApplication.class, DevServices.class).profiles("embedded")
			.run("--server.port=0", "--moderato.operations.roles=intake,moderation",
					"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
					"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					// fail fast while the database is away: the test waits less, the behaviour is the same
					"--spring.datasource.hikari.connection-timeout=1000", "--moderato.operations.metrics-refresh=1h");
	}

	@AfterAll
	static void stopServices() throws IOException {
		try {
			if (context != null) {
				context.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
			if (kafka != null) {
				kafka.destroy();
			}
			try (Stream<Path> files = Files.walk(dataDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void intakeKeepsAcceptingAndEveryAcceptedCommentGetsOneVerdictOnceTheDatabaseIsBack() throws Exception {
		JsonMapper json = context.getBean(JsonMapper.class);
		Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort(), json);
		String post = "outage-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.registerPost(post, "Outage", "Otto", "otto@blog.example").getStatusCode().value()).isEqualTo(201);
		Comment parent = new CommentFixtures(context.getBean(Comments.class), context.getBean(CommenterPrivacy.class))
			.approvedComment(post, "Pam", "pam@mail.example", "A published comment to reply to.");
		List<String> accepted = new ArrayList<>();
		accepted.add(accept(api.submit(post, form("Before the outage.", null))));
		awaitStored(accepted);

		postgres.close();
		try {
			List<ResponseEntity<String>> during = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
				List<ResponseEntity<String>> responses = new ArrayList<>();
				for (int i = 0; i < 4; i++) {
					responses.add(api.submit(post, form("During the outage, " + i + ".", null)));
				}
				responses.add(api.submit(post, form("A reply during the outage.", parent.id().toString())));
				responses.add(api.submit(post, form("A reply to nothing, during the outage.", UUID.randomUUID().toString())));
				return responses;
			});
			for (ResponseEntity<String> response : during) {
				if (response.getStatusCode().value() == 503) {
					assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();
					assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
				}
				else {
					accepted.add(accept(response));
				}
			}
			assertThat(accepted).as("a known post takes comments without the database").hasSize(7);

			ResponseEntity<String> thread = assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> api.get("/api/v1/posts/" + post + "/comments"));
			assertThat(thread.getStatusCode().value()).as("what needs the database says so").isEqualTo(503);
			assertThat(thread.getHeaders().getFirst("Retry-After")).isEqualTo("5");
			assertThat(thread.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(api.json(thread).get("title").asString()).isEqualTo("Temporarily unavailable");
		}
		finally {
			postgres = startPostgres();
		}

		awaitStored(accepted);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from comment where post_id = ? and parent_id is not null").param(post)
			.query(Integer.class).single()).as("the reply to a published comment keeps its parent; the other does not")
			.isOne();
		Topics topics = new Topics(context.getBean(ConsumerFactory.class));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> verdicts = topics.read("comments.moderated").stream().map(ConsumerRecord::value).toList();
			for (String id : accepted) {
				assertThat(verdicts.stream().filter(v -> v.contains(id))).as("one verdict for " + id).hasSize(1);
			}
		});
		assertThat(topics.size("comments.submitted.DLT")).isZero();
		assertThat(topics.size("comments.moderated.DLT")).isZero();
	}

	private static void awaitStored(List<String> ids) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
			for (String id : ids) {
				assertThat(jdbc.sql("select count(*) from comment where id = ?").param(UUID.fromString(id))
					.query(Integer.class).single()).as("comment " + id + " stored once").isOne();
			}
		});
	}

	private static String accept(ResponseEntity<String> response) throws IOException {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
		return JsonMapper.builder().build().readTree(response.getBody()).get("id").asString();
	}

	private static Map<String, Object> form(String text, String parentId) {
		Map<String, Object> form = new HashMap<>();
		form.put("authorName", "Oda");
		form.put("authorEmail", "oda-" + UUID.randomUUID() + "@mail.example");
		form.put("text", text);
		if (parentId != null) {
			form.put("parentId", parentId);
		}
		return form;
	}

	private static EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(port)
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setServerConfig("fsync", "off")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("full_page_writes", "off")
			.start();
	}

}
