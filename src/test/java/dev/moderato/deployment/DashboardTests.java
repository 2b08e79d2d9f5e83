package dev.moderato.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Mailbox;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard uses only metrics the service exports, under their exact Prometheus names, and each is in the
 * documented list in {@code README.md}.
 */
@IntegrationTest
class DashboardTests {

	private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
			"group_right", "and", "or", "unless", "offset", "bool");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GreenMail greenMail;

	@Test
	void everyMetricOnTheDashboardIsExportedAndDocumented() throws Exception {
		Api api = new Api(this.port, this.json);
		api.registerPost("dashboard", "Watched", "Wes", "wes@blog.example");
		api.submit("dashboard", Map.of("authorName", "Dee", "authorEmail", "dee@mail.example", "text", "Counted."));
		await().atMost(Duration.ofSeconds(20)).until(() -> !new Mailbox(this.greenMail).to("wes@blog.example").isEmpty());
		Set<String> used = metricNames(this.json.readTree(Files.readString(Path.of("ops/grafana/moderato.json"))));
		RestClient http = RestClient.builder().baseUrl("http://localhost:" + this.port)
			.defaultHeaders(h -> h.setBasicAuth(Api.ADMIN, Api.ADMIN_PASSWORD)) // the metrics need METRICS or ADMIN
			.build();

		String scrape = await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get().uri("/actuator/prometheus").retrieve().body(String.class),
					s -> used.stream().allMatch(name -> exported(s, name)));

		assertThat(used).as("names read from the PromQL, not its functions or labels")
			.contains("moderato_intake_submissions_total", "moderato_intake_publish_seconds_bucket",
					"moderato_kafka_consumer_lag", "moderato_deadletter_records", "moderato_notification_queue_age_seconds")
			.doesNotContain("rate", "sum", "max", "le", "histogram_quantile", "outcome");
		String documentation = Files.readString(Path.of("README.md"));
		assertThat(used).isNotEmpty().allSatisfy(name -> {
			assertThat(exported(scrape, name)).as("%s is exported", name).isTrue();
			assertThat(documentation).as("%s is documented", name).contains("`" + family(name));
		});
	}

	private static boolean exported(String scrape, String name) {
		return Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(scrape).find();
	}

	/** {@code moderato_intake_publish_seconds_bucket} is documented as {@code moderato_intake_publish_seconds}. */
	private static String family(String name) {
		return name.replaceAll("_(bucket|count|sum|max)$", "");
	}

	static Set<String> metricNames(JsonNode dashboard) {
		Set<String> names = new TreeSet<>();
		for (JsonNode panel : dashboard.get("panels")) {
			for (JsonNode target : panel.get("targets")) {
				String expr = target.get("expr").asString()
					.replaceAll("\"[^\"]*\"", "")
					.replaceAll("\\{[^}]*}", "")
					.replaceAll("\\[[^]]*]", "")
					.replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
				Matcher token = Pattern.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(expr);
				while (token.find()) {
					String word = token.group();
					boolean function = expr.substring(token.end()).matches("(?s)\\s*\\(.*");
					if (!function && !PROMQL_WORDS.contains(word)) {
						names.add(word);
					}
				}
			}
		}
		return names;
	}

}
