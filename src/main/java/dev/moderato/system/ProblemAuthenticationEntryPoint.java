package dev.moderato.system;

import java.io.IOException;

import dev.moderato.accounts.LoginThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Answers security refusals with RFC 9457 bodies: 401 for unauthenticated calls (saying so when the account is
 * disabled), 429 with {@code Retry-After} for throttled sign-ins, 403 for calls without the needed role, for a missing
 * or wrong CSRF token and for cross-site calls with Basic credentials. The 401 challenge is {@code Basic} only for
 * clients that are not browsers: a browser answered {@code Basic} asks for a password and then sends it with every
 * request to the service, from any site; browsers get a {@code Bearer} challenge, which they never prompt for.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemAuthenticationEntryPoint(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof LoginThrottled throttled) {
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
			write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
					"Too many failed sign-ins for this account or from your network. Please try again in "
							+ throttled.retryAfterSeconds() + " seconds.");
			return;
		}
		response.setHeader("WWW-Authenticate", browser(request) ? "Bearer realm=\"Moderato\"" : "Basic realm=\"Moderato\"");
		if (ex instanceof DisabledException) {
			write(request, response, HttpStatus.UNAUTHORIZED, "Account disabled",
					"This account is disabled. An admin can enable it again.");
			return;
		}
		write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
				"This endpoint needs an account: send HTTP Basic credentials or an API token (Authorization: Bearer).");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			write(request, response, HttpStatus.FORBIDDEN, "Missing or wrong CSRF token",
					"This request did not carry the page's CSRF token (or the session it belonged to has ended). "
							+ "Reload the page and try again.");
			return;
		}
		write(request, response, HttpStatus.FORBIDDEN, "Not allowed", "This account may not do that.");
	}

	void crossSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "Cross-site request refused",
				"Changes with HTTP Basic credentials must not come from another site's page. Use an API token "
						+ "(Authorization: Bearer) from scripts, or the moderation page.");
	}

	/** Where a failed sign-in on the form goes: the form again, saying why. */
	static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String why = ex instanceof LoginThrottled ? "throttled" : ex instanceof DisabledException ? "disabled" : "error";
		if (ex instanceof LoginThrottled throttled) {
			response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
		}
		response.sendRedirect(request.getContextPath() + "/login?" + why);
	}

	/** Browsers send Fetch metadata with every request; older ones at least say they are Mozilla-compatible. */
	private static boolean browser(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		return request.getHeader("Sec-Fetch-Mode") != null || (agent != null && agent.startsWith("Mozilla/"));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
