package dev.moderato.system;

import dev.moderato.IntegrationTest;
import dev.moderato.SiteAdmin;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered site's origins may call the public API from a browser as soon as the site is saved; other origins
 * get no CORS grant.
 */
@IntegrationTest
class SiteCorsTests {

	@LocalServerPort
	int port;

	@Test
	void aSitesOriginPassesThePreflightAndOthersDoNot() {
		String site = SiteAdmin.uniqueId("cors");
		String origin = "https://" + site + ".example";
		assertThat(preflight(origin).getStatusCode().value()).as("before the site is registered").isEqualTo(403);
		new SiteAdmin(this.port).firstUseSite(site);

		ResponseEntity<String> allowed = preflight(origin);
		assertThat(allowed.getStatusCode().value()).isEqualTo(200);
		assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo(origin);
		ResponseEntity<String> other = preflight("https://not-" + site + ".example");
		assertThat(other.getStatusCode().value()).isEqualTo(403);
		assertThat(other.getHeaders().getAccessControlAllowOrigin()).isNull();
		assertThat(preflight("http://localhost:4000").getHeaders().getAccessControlAllowOrigin())
			.as("the configured origins still").isEqualTo("http://localhost:4000");
	}

	private ResponseEntity<String> preflight(String origin) {
		return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build()
			.method(HttpMethod.OPTIONS)
			.uri("http://localhost:" + this.port + "/api/v1/posts/any-post/comments")
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.retrieve()
			.onStatus(s -> true, (q, r) -> {
			})
			.toEntity(String.class);
	}

}
