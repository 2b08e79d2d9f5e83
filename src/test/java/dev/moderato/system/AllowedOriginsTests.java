package dev.moderato.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on the public API is closed unless configured: with no {@code moderato.system.allowed-origins} no other site's
 * page may call it from a browser; with the blog's origin configured, exactly that origin may, on the public paths.
 */
class AllowedOriginsTests {

	@Test
	void noOriginIsAllowedUnlessConfigured() {
		CorsConfiguration cors = publicApi(Map.of());

		assertThat(cors.checkOrigin("https://blog.example")).isNull();
		assertThat(cors.checkOrigin("https://evil.example")).isNull();
	}

	@Test
	void theConfiguredOriginsAndOnlyThoseAreAllowed() {
		CorsConfiguration cors = publicApi(Map.of("moderato.system.allowed-origins", "https://blog.example,https://*.blog.example"));

		assertThat(cors.checkOrigin("https://blog.example")).isEqualTo("https://blog.example");
		assertThat(cors.checkOrigin("https://www.blog.example")).isEqualTo("https://www.blog.example");
		assertThat(cors.checkOrigin("https://evil.example")).isNull();
		assertThat(cors.checkOrigin("http://blog.example")).isNull();
	}

	@Test
	void theRulesCoverThePublicPathsAloneAndLeaveTheRequestAsItCame() {
		SystemSettings settings = new Binder(new MapConfigurationPropertySource(Map.of("moderato.system.allowed-origins",
				"https://blog.example"))).bindOrCreate("moderato.system", SystemSettings.class);
		CorsConfigurationSource source = new SiteOriginsCors(new SecurityConfiguration().corsConfigurationSource(settings),
				null); // no Origin header: the sites are not asked
		for (String path : new String[] { "/api/v1/posts/hello/comments", "/api/v1/po%73ts/hello/comments",
				"/api/v1/comments", "/api/v1/comments/0f0c0a4e-4a52-4d0e-9a44-1f8e2c7b9d10", "/api/v1/counts" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
			assertThat(source.getCorsConfiguration(request)).as(path).isNotNull();
			assertThat(ServletRequestPathUtils.hasCachedPath(request)).as(path).isFalse();
		}
		for (String path : new String[] { "/api/v1/posts/hello/comments/more", "/api/v1/posts/hello",
				"/api/v1/moderation/queues", "/actuator/prometheus", "/" }) {
			assertThat(source.getCorsConfiguration(new MockHttpServletRequest("GET", path))).as(path).isNull();
		}
	}

	private static CorsConfiguration publicApi(Map<String, String> properties) {
		SystemSettings settings = new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("moderato.system", SystemSettings.class);
		CorsConfigurationSource source = new SecurityConfiguration().corsConfigurationSource(settings);
		MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/v1/posts/hello/comments");
		ServletRequestPathUtils.parseAndCache(request);
		CorsConfiguration cors = source.getCorsConfiguration(request);
		assertThat(cors).isNotNull();
		return cors;
	}

}
