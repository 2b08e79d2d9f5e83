package dev.moderato.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.moderato.intake.CommentSubmitted;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.operations.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests are complete and agree with each other and with the code: every Deployment has probes on
 * the health groups, resources, a locked-down security context, a pinned image and the configuration the service
 * requires; the Service, autoscalers, disruption budgets and network policies select what exists. The base is read
 * file by file; the overlays are rendered with {@code kubectl kustomize} where kubectl is installed.
 */
class KubernetesManifestsTests {

	private final ServiceSettings settings = ServiceSettings.load();

	@Test
	void theBaseIsCompleteAndConsistent() throws IOException {
		Map<String, Object> kustomization = map(loadAll(Files.readString(Path.of("k8s/base/kustomization.yaml"))).get(0));
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object resource : list(kustomization.get("resources"))) {
			documents.addAll(loadAll(Files.readString(Path.of("k8s/base").resolve(resource.toString()))));
		}
		documents.addAll(secretTemplate());
		// what kustomize's image transformer does: the base names the image, the kustomization says which one
		for (Object entry : list(kustomization.get("images"))) {
			Map<String, Object> image = map(entry);
			for (Map<String, Object> deployment : kind(documents, "Deployment")) {
				Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
				if (image.get("name").equals(container.get("image"))) {
					container.put("image", image.get("newName") + ":" + image.get("newTag"));
				}
			}
		}
		check(documents);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void eachOverlayRendersCompleteAndConsistent(String overlay) throws Exception {
		Assumptions.assumeTrue(kubectl(), "kubectl is not installed: overlays not rendered (the base is still checked)");
		Process render = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/" + overlay).redirectErrorStream(true).start();
		String output = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(render.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(render.exitValue()).as(output).isZero();
		List<Map<String, Object>> documents = loadAll(output);
		String namespace = "dev".equals(overlay) ? "moderato-dev" : "moderato";
		assertThat(documents).allSatisfy(d -> assertThat(map(d.get("metadata")).get("namespace")).isEqualTo(namespace));
		if (documents.stream().noneMatch(d -> "Secret".equals(d.get("kind")))) {
			documents.addAll(secretTemplate()); // created out of band in prod
		}
		check(documents);
	}

	@Test
	void theSecretTemplateHoldsNoRealSecretAndIsNotApplied() throws IOException {
		Map<String, Object> template = secretTemplate().get(0);
		assertThat(map(template.get("stringData")).values()).allSatisfy(value -> assertThat(value).isEqualTo("REPLACE_ME"));
		assertThat(list(map(loadAll(Files.readString(Path.of("k8s/base/kustomization.yaml"))).get(0)).get("resources")))
			.doesNotContain("secret.template.yaml");
	}

	@Test
	void theStrimziExampleDeclaresEveryTopicOfTheService() throws IOException {
		List<Map<String, Object>> topics = loadAll(Files.readString(Path.of("k8s/strimzi/topics.yaml")));
		Map<String, Integer> partitions = new java.util.TreeMap<>();
		for (Map<String, Object> topic : topics) {
			Map<String, Object> spec = map(topic.get("spec"));
			String name = String.valueOf(spec.getOrDefault("topicName", map(topic.get("metadata")).get("name")));
			partitions.put(name, (Integer) spec.get("partitions"));
		}
		assertThat(partitions).containsOnlyKeys(CommentSubmitted.TOPIC, CommentSubmitted.TOPIC + ".DLT", CommentModerated.TOPIC,
				CommentModerated.TOPIC + ".DLT");
		assertThat(partitions.get(CommentSubmitted.TOPIC + ".DLT")).isEqualTo(partitions.get(CommentSubmitted.TOPIC));
		assertThat(partitions.get(CommentModerated.TOPIC + ".DLT")).isEqualTo(partitions.get(CommentModerated.TOPIC));
		assertThat(loadAll(Files.readString(Path.of("k8s/strimzi/kafka.yaml")))).extracting(d -> d.get("kind"))
			.contains("Kafka", "KafkaNodePool");
	}

	private void check(List<Map<String, Object>> documents) {
		List<Map<String, Object>> deployments = kind(documents, "Deployment");
		assertThat(deployments).hasSize(3);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Map<String, Object> config = map(kind(documents, "ConfigMap").get(0).get("data"));
		for (Map<String, Object> deployment : deployments) {
			String name = name(deployment);
			Map<String, Object> spec = map(deployment.get("spec"));
			Map<String, Object> template = map(spec.get("template"));
			Map<String, Object> pod = map(template.get("spec"));
			assertThat(labels(template)).as(name).containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
			assertThat(map(pod.get("securityContext"))).as(name).containsEntry("runAsNonRoot", true);
			assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as(name).isGreaterThan(30);
			Map<String, Object> container = map(list(pod.get("containers")).get(0));
			String image = String.valueOf(container.get("image"));
			assertThat(image).as(name + " image").matches(".+:[^:/]+").doesNotEndWith(":latest");
			assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
			assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
			assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
			assertThat(map(container.get("lifecycle"))).as(name).containsKey("preStop");
			Map<String, Object> resources = map(container.get("resources"));
			assertThat(map(resources.get("requests"))).as(name).containsKeys("cpu", "memory");
			assertThat(map(resources.get("limits"))).as(name).containsKeys("cpu", "memory");
			Map<String, Object> security = map(container.get("securityContext"));
			assertThat(security).as(name).containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
			assertThat(list(map(security.get("capabilities")).get("drop"))).as(name).contains("ALL");
			Set<String> variables = new HashSet<>(config.keySet());
			for (Object source : list(container.get("envFrom"))) {
				Map<String, Object> from = map(source);
				if (from.containsKey("configMapRef")) {
					assertThat(name(kind(documents, "ConfigMap").get(0))).isEqualTo(map(from.get("configMapRef")).get("name"));
				}
				if (from.containsKey("secretRef")) {
					Map<String, Object> secret = kind(documents, "Secret").stream()
						.filter(s -> name(s).equals(map(from.get("secretRef")).get("name"))).findFirst().orElseThrow();
					variables.addAll(map(secret.containsKey("stringData") ? secret.get("stringData") : secret.get("data")).keySet());
				}
			}
			for (Object env : list(container.get("env"))) {
				Map<String, Object> variable = map(env);
				variables.add(variable.get("name").toString());
				if ("MODERATO_OPERATIONS_ROLES".equals(variable.get("name"))) {
					for (String role : variable.get("value").toString().split(",")) {
						roles.add(Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
					}
				}
			}
			assertThat(variables).as(name + ": variables the service reads").allSatisfy(v -> assertThat(this.settings.reads(v)).as(v).isTrue());
			assertThat(this.settings.missing(variables)).as(name + ": required settings").isEmpty();
		}
		assertThat(roles).as("every role runs somewhere").isEqualTo(EnumSet.allOf(Role.class));

		Map<String, Object> service = kind(documents, "Service").get(0);
		List<Map<String, Object>> served = selected(deployments, map(map(service.get("spec")).get("selector")));
		assertThat(served).extracting(KubernetesManifestsTests::name).containsExactly("moderato-intake");
		for (Map<String, Object> hpa : kind(documents, "HorizontalPodAutoscaler")) {
			String target = map(map(hpa.get("spec")).get("scaleTargetRef")).get("name").toString();
			assertThat(deployments).extracting(KubernetesManifestsTests::name).as(name(hpa)).contains(target);
			if (!target.endsWith("intake")) {
				String topicPartitions = target.endsWith("moderation") ? "MODERATO_INTAKE_PARTITIONS" : "MODERATO_MODERATION_PARTITIONS";
				assertThat((Integer) map(hpa.get("spec")).get("maxReplicas")).as(name(hpa) + ": no more consumers than partitions")
					.isLessThanOrEqualTo(Integer.parseInt(config.get(topicPartitions).toString()));
			}
		}
		for (Map<String, Object> pdb : kind(documents, "PodDisruptionBudget")) {
			assertThat(selected(deployments, map(map(map(pdb.get("spec")).get("selector")).get("matchLabels")))).as(name(pdb)).hasSize(1);
		}
		for (Map<String, Object> policy : kind(documents, "NetworkPolicy")) {
			assertThat(selected(deployments, map(map(map(policy.get("spec")).get("podSelector")).get("matchLabels")))).as(name(policy)).isNotEmpty();
		}
	}

	private static Object path(Map<String, Object> container, String probe) {
		return map(map(container.get(probe)).get("httpGet")).get("path");
	}

	private static List<Map<String, Object>> selected(List<Map<String, Object>> deployments, Map<String, Object> selector) {
		return deployments.stream().filter(d -> labels(map(map(d.get("spec")).get("template"))).entrySet().containsAll(selector.entrySet())).toList();
	}

	private static Map<String, Object> labels(Map<String, Object> object) {
		return map(map(object.get("metadata")).get("labels"));
	}

	private static String name(Map<String, Object> object) {
		return map(object.get("metadata")).get("name").toString();
	}

	private static List<Map<String, Object>> kind(List<Map<String, Object>> documents, String kind) {
		return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	private static List<Map<String, Object>> secretTemplate() {
		try {
			return loadAll(Files.readString(Path.of("k8s/base/secret.template.yaml")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> loadAll(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		new Yaml().loadAll(yaml).forEach(d -> {
			if (d != null) {
				documents.add((Map<String, Object>) d);
			}
		});
		return documents;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) Objects.requireNonNull(value);
	}

	private static boolean kubectl() {
		try {
			Process version = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
			version.getInputStream().readAllBytes();
			return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

}
