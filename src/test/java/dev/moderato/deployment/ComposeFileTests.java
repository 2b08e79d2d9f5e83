package dev.moderato.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} cannot drift from the code: every variable it gives the service is one the service reads,
 * every required setting is given, and the topics it creates are the service's, with the partitions it expects.
 */
class ComposeFileTests {

	private final Map<String, Object> compose = load();

	private final ServiceSettings settings = ServiceSettings.load();

	@Test
	void everyVariableGivenToTheServiceIsOneItReads() {
		assertThat(environment().keySet()).allSatisfy(variable -> assertThat(this.settings.reads(variable))
			.as("%s is read by the service", variable).isTrue());
	}

	@Test
	void everyRequiredSettingIsGiven() {
		assertThat(this.settings.missing(environment().keySet())).isEmpty();
	}

	@Test
	void bringsUpKafkaInKraftModePostgresMailpitAndTheServiceWithHealthChecksAndNamedVolumes() {
		Map<String, Object> services = map(this.compose.get("services"));
		assertThat(services).containsKeys("kafka", "kafka-init", "postgres", "mailpit", "moderato");
		assertThat((String) map(services.get("kafka")).get("image")).startsWith("apache/kafka:");
		assertThat(String.valueOf(map(map(services.get("kafka")).get("environment")).get("KAFKA_PROCESS_ROLES")))
			.contains("controller");
		assertThat((String) map(services.get("mailpit")).get("image")).startsWith("axllent/mailpit:");
		for (String name : List.of("kafka", "postgres", "mailpit", "moderato")) {
			assertThat(map(services.get(name))).as(name).containsKey("healthcheck");
		}
		services.forEach((name, service) -> assertThat(String.valueOf(map(service).get("image")))
			.as("%s pins a version", name).matches(".+:[^:]+").doesNotEndWith(":latest"));
		Map<String, Object> dependsOn = map(map(services.get("moderato")).get("depends_on"));
		assertThat(map(dependsOn.get("kafka-init")).get("condition")).isEqualTo("service_completed_successfully");
		assertThat(map(dependsOn.get("postgres")).get("condition")).isEqualTo("service_healthy");
		assertThat(map(dependsOn.get("mailpit")).get("condition")).isEqualTo("service_healthy");
		assertThat(map(this.compose.get("volumes"))).containsKeys("kafka-data", "postgres-data", "mailpit-data");
		assertThat(map(services.get("moderato")).get("build")).isEqualTo(".");
	}

	@Test
	void linksInMailsPointAtThePublishedPortAndOnlyTheBlogMayCallTheApiFromABrowser() {
		Map<String, Object> service = map(map(this.compose.get("services")).get("moderato"));
		String published = String.valueOf(list(service.get("ports")).get(0)).split(":")[0];
		assertThat(String.valueOf(environment().get("MODERATO_MODERATION_PUBLIC_URL")))
			.isEqualTo("${MODERATO_PUBLIC_URL:-http://localhost:" + published + "}");
		assertThat(String.valueOf(environment().get("MODERATO_SYSTEM_ALLOWED_ORIGINS"))).matches("\\$\\{\\w+:-https?://\\S+}")
			.doesNotContain("*");
	}

	/** The image compose builds and tags, which the Kubernetes dev overlay runs. */
	static String serviceImage() {
		return String.valueOf(map(map(load().get("services")).get("moderato")).get("image"));
	}

	@Test
	void createsTheServiceTopicsWithThePartitionsItExpects() {
		String command = String.valueOf(map(map(this.compose.get("services")).get("kafka-init")).get("command"));
		Map<String, Integer> created = new LinkedHashMap<>();
		Matcher topic = Pattern.compile("(comments\\.[a-zA-Z.]+):(\\d+)").matcher(command);
		while (topic.find()) {
			created.put(topic.group(1), Integer.valueOf(topic.group(2)));
		}
		int submitted = partitions("moderato.intake.partitions");
		int moderated = partitions("moderato.moderation.partitions");

		assertThat(created).containsExactlyInAnyOrderEntriesOf(Map.of("comments.submitted", submitted,
				"comments.submitted.DLT", submitted, "comments.submitted.flood", submitted, "comments.submitted.flood.DLT",
				submitted, "comments.moderated", moderated, "comments.moderated.DLT", moderated));
	}

	private int partitions(String property) {
		Object given = environment().get(ServiceSettings.environmentVariable(property));
		return given != null ? Integer.parseInt(given.toString()) : this.settings.get(property).defaultValue().asInt();
	}

	private Map<String, Object> environment() {
		return map(map(map(this.compose.get("services")).get("moderato")).get("environment"));
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, Object> load() {
		try {
			return new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
