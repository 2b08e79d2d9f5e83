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

import org.springframework.kafka.annotation.KafkaListener;

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
		assertThat(kind(documents, "Ingress")).as("the base has the Ingress").hasSize(1);
		// what kustomize's image transformer does: the base names the image, the kustomization says which one
		for (Object entry : list(kustomization.get("images"))) {
			Map<String, Object> image = map(entry);
			for (Map<String, Object> deployment : kind(documents, "Deployment")) {
				Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
				if (image.get("name").equals(container.get("image"))) {
					container.put("image", image.getOrDefault("newName", image.get("name")) + ":" + image.get("newTag"));
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
		if ("dev".equals(overlay)) {
			assertThat(moderato(documents)).extracting(KubernetesManifestsTests::image).as("the local build, as compose tags it")
				.containsOnly(ComposeFileTests.serviceImage());
			Map<String, Object> config = map(kind(documents, "ConfigMap").get(0).get("data"));
			assertThat(String.valueOf(config.get("SPRING_DATASOURCE_URL"))).as("PostgreSQL of the overlay")
				.contains("//" + inNamespace(documents, "postgres", namespace) + ":5432/");
			assertThat(String.valueOf(config.get("SPRING_MAIL_HOST"))).as("Mailpit of the overlay")
				.isEqualTo(inNamespace(documents, "mailpit", namespace));
		}
		else {
			assertThat(moderato(documents)).extracting(KubernetesManifestsTests::image).allSatisfy(i -> assertThat(i).contains("/"));
			assertThat(kind(documents, "Ingress")).as("the prod overlay has the Ingress").hasSize(1);
		}
	}

	/** The address of a Service of the overlay that a Deployment of it serves. */
	private static String inNamespace(List<Map<String, Object>> documents, String service, String namespace) {
		Map<String, Object> found = kind(documents, "Service").stream().filter(s -> name(s).equals(service)).findFirst()
			.orElseThrow(() -> new AssertionError("no Service " + service));
		assertThat(selected(kind(documents, "Deployment"), map(map(found.get("spec")).get("selector")))).as(service).hasSize(1);
		return service + "." + namespace + ".svc";
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
			if ((Integer) spec.get("replicas") > 1) {
				assertThat(map(spec.get("config"))).as(name + ": acks=all means two copies, as the service declares it")
					.containsEntry("min.insync.replicas", 2);
			}
		}
		assertThat(partitions).containsOnlyKeys(CommentSubmitted.TOPIC, CommentSubmitted.TOPIC + ".DLT",
				CommentSubmitted.FLOOD_TOPIC, CommentSubmitted.FLOOD_TOPIC + ".DLT", CommentModerated.TOPIC,
				CommentModerated.TOPIC + ".DLT");
		assertThat(partitions.get(CommentSubmitted.TOPIC + ".DLT")).isEqualTo(partitions.get(CommentSubmitted.TOPIC));
		assertThat(partitions.get(CommentSubmitted.FLOOD_TOPIC)).isEqualTo(partitions.get(CommentSubmitted.TOPIC));
		assertThat(partitions.get(CommentSubmitted.FLOOD_TOPIC + ".DLT")).isEqualTo(partitions.get(CommentSubmitted.TOPIC));
		assertThat(partitions.get(CommentModerated.TOPIC + ".DLT")).isEqualTo(partitions.get(CommentModerated.TOPIC));
		assertThat(loadAll(Files.readString(Path.of("k8s/strimzi/kafka.yaml")))).extracting(d -> d.get("kind"))
			.contains("Kafka", "KafkaNodePool");
	}

	private void check(List<Map<String, Object>> documents) {
		List<Map<String, Object>> deployments = moderato(documents);
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

		Map<String, Object> service = kind(documents, "Service").stream().filter(s -> name(s).equals("moderato")).findFirst().orElseThrow();
		List<Map<String, Object>> served = selected(deployments, map(map(service.get("spec")).get("selector")));
		assertThat(served).extracting(KubernetesManifestsTests::name).containsExactly("moderato-intake");
		checkAddresses(config);
		checkAutoscaling(documents, deployments, config);
		checkIngress(documents, config);
		checkEgress(documents, deployments, config);
		for (Map<String, Object> pdb : kind(documents, "PodDisruptionBudget")) {
			assertThat(selected(deployments, map(map(map(pdb.get("spec")).get("selector")).get("matchLabels")))).as(name(pdb)).hasSize(1);
		}
		for (Map<String, Object> policy : kind(documents, "NetworkPolicy")) {
			assertThat(selected(deployments, map(map(map(policy.get("spec")).get("podSelector")).get("matchLabels")))).as(name(policy)).isNotEmpty();
		}
	}

	/** Links in mails and CORS: both are set, the first to an absolute address, the second to named origins. */
	private static void checkAddresses(Map<String, Object> config) {
		assertThat(String.valueOf(config.get("MODERATO_MODERATION_PUBLIC_URL"))).as("public URL").matches("https?://[^/\\s]+.*");
		assertThat(String.valueOf(config.get("MODERATO_SYSTEM_ALLOWED_ORIGINS"))).as("allowed origins")
			.matches("https?://\\S+").doesNotContain("*");
	}

	/**
	 * Intake on CPU (an HPA); each consumer on its group's lag (a KEDA ScaledObject with the Kafka scaler on the topic
	 * and group its listener uses), never past the topic's partitions, with no CPU autoscaler of its own; listener
	 * concurrency no larger than the partitions.
	 */
	private static void checkAutoscaling(List<Map<String, Object>> documents, List<Map<String, Object>> deployments,
			Map<String, Object> config) {
		List<String> cpuScaled = kind(documents, "HorizontalPodAutoscaler").stream()
			.map(h -> map(map(h.get("spec")).get("scaleTargetRef")).get("name").toString()).toList();
		assertThat(cpuScaled).containsExactly("moderato-intake");
		Map<String, String[]> consumers = Map.of("moderato-moderation",
				new String[] { CommentSubmitted.TOPIC, groupOf("dev.moderato.moderation.kafka.SubmissionListener"), "MODERATO_INTAKE_PARTITIONS" },
				"moderato-notification",
				new String[] { CommentModerated.TOPIC, groupOf("dev.moderato.notification.kafka.VerdictListener"), "MODERATO_MODERATION_PARTITIONS" });
		List<Map<String, Object>> scaled = kind(documents, "ScaledObject");
		assertThat(scaled).extracting(s -> map(map(s.get("spec")).get("scaleTargetRef")).get("name"))
			.containsExactlyInAnyOrderElementsOf(consumers.keySet());
		for (Map<String, Object> object : scaled) {
			Map<String, Object> spec = map(object.get("spec"));
			String target = map(spec.get("scaleTargetRef")).get("name").toString();
			String[] consumer = consumers.get(target);
			int partitions = Integer.parseInt(config.get(consumer[2]).toString());
			assertThat(deployments).extracting(KubernetesManifestsTests::name).contains(target);
			assertThat((Integer) spec.get("maxReplicaCount")).as(target + ": no more consumers than partitions")
				.isLessThanOrEqualTo(partitions).isGreaterThanOrEqualTo((Integer) spec.get("minReplicaCount"));
			Map<String, Object> trigger = map(list(spec.get("triggers")).get(0));
			assertThat(trigger.get("type")).isEqualTo("kafka");
			Map<String, Object> metadata = map(trigger.get("metadata"));
			assertThat(metadata).as(target).containsEntry("topic", consumer[0]).containsEntry("consumerGroup", consumer[1])
				.containsKey("lagThreshold");
			assertThat(config).as(target + ": the bootstrap servers KEDA reads").containsKey(String.valueOf(metadata.get("bootstrapServersFromEnv")));
			if (target.equals("moderato-moderation")) {
				assertThat(list(spec.get("triggers"))).as(target + ": a flood's lag scales the moderation instances too")
					.anySatisfy(t -> assertThat(map(map(t).get("metadata")))
						.containsEntry("topic", CommentSubmitted.FLOOD_TOPIC)
						.containsEntry("consumerGroup", groupOf("dev.moderato.moderation.kafka.SubmissionListener", "onFlood")));
			}
		}
		assertThat(Integer.parseInt(config.get("MODERATO_MODERATION_CONCURRENCY").toString()))
			.isBetween(1, Integer.parseInt(config.get("MODERATO_INTAKE_PARTITIONS").toString()));
		assertThat(Integer.parseInt(config.get("SPRING_KAFKA_LISTENER_CONCURRENCY").toString()))
			.isBetween(1, Integer.parseInt(config.get("MODERATO_MODERATION_PARTITIONS").toString()));
	}

	/**
	 * The Ingress, where there is one, serves the public URL's host and routes every path people and the blog need to
	 * the Service (the API, assets, the moderation page and login, every kind of link in a mail), and none of
	 * {@code /actuator/}.
	 */
	private static void checkIngress(List<Map<String, Object>> documents, Map<String, Object> config) {
		for (Map<String, Object> ingress : kind(documents, "Ingress")) {
			Map<String, Object> rule = map(list(map(ingress.get("spec")).get("rules")).get(0));
			assertThat(String.valueOf(config.get("MODERATO_MODERATION_PUBLIC_URL"))).as("public URL on the Ingress host")
				.matches("https://" + java.util.regex.Pattern.quote(rule.get("host").toString()) + "(/.*)?");
			List<Map<String, Object>> paths = list(map(rule.get("http")).get("paths")).stream().map(KubernetesManifestsTests::map).toList();
			assertThat(paths).allSatisfy(p -> assertThat(map(map(map(p.get("backend")).get("service")).get("port")))
				.containsEntry("name", "http"));
			assertThat(paths).allSatisfy(p -> assertThat(map(map(p.get("backend")).get("service")).get("name")).isEqualTo("moderato"));
			for (String reachable : List.of("/api/v1/posts/hello/comments", "/api/v1/comments/c1", "/api/v1/privacy/requests",
					"/api/v1/moderation/queues/held", "/css/moderato.css", "/css/links.css", "/js/moderation.js", "/moderation",
					"/moderation/links/t.s", "/login", "/logout", "/notifications/unsubscribe/t.s", "/notifications/preferences/t.s",
					"/notifications/confirm/t.s", "/privacy/confirm/t.s")) {
				assertThat(routes(paths, reachable)).as("%s is reachable", reachable).isTrue();
			}
			for (String internal : List.of("/actuator/health", "/actuator/prometheus", "/actuator/deadletters", "/dev/mail")) {
				assertThat(routes(paths, internal)).as("%s stays inside the cluster", internal).isFalse();
			}
		}
	}

	/** Kubernetes path matching: Exact, or Prefix by whole path elements. */
	private static boolean routes(List<Map<String, Object>> paths, String request) {
		return paths.stream().anyMatch(p -> {
			String path = p.get("path").toString();
			if ("Exact".equals(p.get("pathType"))) {
				return request.equals(path);
			}
			String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
			return request.equals(prefix) || request.startsWith(prefix + "/") || prefix.isEmpty();
		});
	}

	/** Every Moderato pod may reach the ports of the Kafka, PostgreSQL and SMTP it is configured with. */
	private static void checkEgress(List<Map<String, Object>> documents, List<Map<String, Object>> deployments,
			Map<String, Object> config) {
		Map<String, Integer> needed = Map.of("Kafka", port(config.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").toString().split(",")[0]),
				"PostgreSQL", port(config.get("SPRING_DATASOURCE_URL").toString().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1")),
				"SMTP", Integer.parseInt(config.getOrDefault("SPRING_MAIL_PORT", "25").toString()));
		for (Map<String, Object> deployment : deployments) {
			Set<Integer> allowed = new HashSet<>();
			for (Map<String, Object> policy : kind(documents, "NetworkPolicy")) {
				Map<String, Object> spec = map(policy.get("spec"));
				if (!selected(List.of(deployment), map(map(spec.get("podSelector")).get("matchLabels"))).isEmpty() && spec.containsKey("egress")) {
					for (Object rule : list(spec.get("egress"))) {
						for (Object port : list(map(rule).get("ports"))) {
							allowed.add((Integer) map(port).get("port"));
						}
					}
				}
			}
			needed.forEach((what, port) -> assertThat(allowed).as("%s may reach %s on %d", name(deployment), what, port).contains(port));
		}
	}

	private static int port(String hostAndPort) {
		return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
	}

	private static String groupOf(String listener) {
		return groupOf(listener, "on");
	}

	/** The consumer group of a listener method (one record or a batch of them). */
	private static String groupOf(String listener, String method) {
		try {
			return java.util.Arrays.stream(Class.forName(listener).getDeclaredMethods())
				.filter(m -> m.getName().equals(method) && m.isAnnotationPresent(KafkaListener.class))
				.findFirst()
				.orElseThrow(() -> new NoSuchMethodException(listener + "." + method))
				.getAnnotation(KafkaListener.class)
				.groupId();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Moderato's own Deployments (an overlay may add others, e.g. a dev database). */
	private static List<Map<String, Object>> moderato(List<Map<String, Object>> documents) {
		return kind(documents, "Deployment").stream()
			.filter(d -> "moderato".equals(labels(map(map(d.get("spec")).get("template"))).get("app.kubernetes.io/name")))
			.toList();
	}

	private static String image(Map<String, Object> deployment) {
		return String.valueOf(map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0)).get("image"));
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
