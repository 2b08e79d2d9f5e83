package dev.moderato.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, an unsafe API call (POST, PUT, PATCH, DELETE) carrying HTTP Basic credentials that a browser sent
 * for another site's page: {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or, from browsers
 * without it, an {@code Origin} whose host is not this service's. A browser attaches Basic credentials it cached to
 * any request to the service, so without this a page elsewhere could post a form to
 * {@code /api/v1/moderation/comments/{id}/approve} as a signed-in moderator. Bearer tokens are never attached by a
 * browser on its own, and scripts and command-line clients send neither header.
 */
final class CrossSiteBasicGuard extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final ProblemAuthenticationEntryPoint problems;

	CrossSiteBasicGuard(ProblemAuthenticationEntryPoint problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return SAFE.contains(request.getMethod())
				|| authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (crossSite(request)) {
			this.problems.crossSite(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean crossSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String value = site.strip().toLowerCase(Locale.ROOT);
			return !("same-origin".equals(value) || "none".equals(value));
		}
		String origin = request.getHeader("Origin");
		return origin != null && !request.getServerName().equalsIgnoreCase(hostOf(origin));
	}

	private static @Nullable String hostOf(String origin) {
		try {
			return URI.create(origin.strip()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null; // "null" or garbage: not this service
		}
	}

}
