package dev.moderato.system;

import dev.moderato.sites.Sites;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The public API's CORS allowlist: the configured {@code moderato.system.allowed-origins} plus the origins of every
 * registered site, read from {@link Sites} on each request (a site registered or changed is allowed at once on this
 * instance, within {@code Sites.REFRESH} on the others).
 */
final class SiteOriginsCors implements CorsConfigurationSource {

	private final CorsConfigurationSource configured;

	private final Sites sites;

	SiteOriginsCors(CorsConfigurationSource configured, Sites sites) {
		this.configured = configured;
		this.sites = sites;
	}

	@Override
	public @Nullable CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		CorsConfiguration config = this.configured.getCorsConfiguration(request);
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (config == null || origin == null || config.checkOrigin(origin) != null || !siteOrigin(origin)) {
			return config;
		}
		CorsConfiguration withSite = new CorsConfiguration(config);
		withSite.addAllowedOrigin(origin);
		return withSite;
	}

	/** A site's origin; if the registry cannot be read (the database is down), only the configured ones are allowed. */
	private boolean siteOrigin(String origin) {
		try {
			return this.sites.isSiteOrigin(origin);
		}
		catch (org.springframework.dao.DataAccessException ex) {
			return false;
		}
	}

}
