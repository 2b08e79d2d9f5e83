package dev.moderato.system;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.moderato.Api;
import dev.moderato.IntegrationTest;
import dev.moderato.Moderators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The browser-facing defaults: the session cookie is SameSite, pages say how much of their address to hand on (mail
 * link pages: nothing), a missing CSRF token is an RFC 9457 problem, and the metrics need the METRICS (or ADMIN) role.
 */
@IntegrationTest
class PageSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	WebApplicationContext context;

	@Test
	void theSessionCookieIsSameSiteAndPagesLimitTheReferrer() throws Exception {
		HttpResponse<String> login = http("/login");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(http("/moderation/links/not-a-token").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(http("/privacy/confirm/not-a-token").headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void aMissingCsrfTokenIsAProblemDocument() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		mvc.perform(post("/moderation/actions").param("action", "approve").param("items", UUID.randomUUID() + ":0")
				.accept(MediaType.APPLICATION_JSON)
				.with(user(Moderators.MODERATOR).roles("MODERATOR")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Missing or wrong CSRF token"));
	}

	@Test
	void theMetricsNeedTheMetricsRole() {
		Moderators admin = Moderators.as(this.port, this.json, Api.ADMIN, Api.ADMIN_PASSWORD);
		String scraper = "prometheus-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/accounts", Moderators.form("username", scraper, "password", "a-long-scraper-password",
				"roles", List.of("METRICS"))).getStatusCode().value()).isEqualTo(201);
		Moderators metrics = Moderators.as(this.port, this.json, scraper, "a-long-scraper-password");
		JsonNode issued = metrics.json(metrics.post("/api/v1/accounts/me/tokens", Moderators.form("name", "prometheus")));

		assertThat(Moderators.anonymous(this.port, this.json).get("/actuator/prometheus").getStatusCode().value())
			.isEqualTo(401);
		assertThat(Moderators.as(this.port, this.json, Moderators.MODERATOR, Moderators.MODERATOR_PASSWORD)
			.get("/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
		ResponseEntity<String> scrape = Moderators.withToken(this.port, this.json, issued.get("token").asString())
			.get("/actuator/prometheus");
		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		assertThat(scrape.getBody()).contains("jvm_");
		assertThat(metrics.get("/api/v1/moderation/queues").getStatusCode().value()).as("nothing else").isEqualTo(403);
		assertThat(Moderators.anonymous(this.port, this.json).get("/actuator/health/readiness").getStatusCode().value())
			.as("probes stay open").isEqualTo(200);
	}

	private HttpResponse<String> http(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
