package dev.moderato.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On an instance that does not run {@link Role#INTAKE}, a submission is refused with a 503 problem (and
 * {@code Retry-After}), so a request that reached a consumer-only instance by mistake is retried, not lost. Reads stay
 * open on every instance.
 */
@Component
class IntakeRoleFilter extends OncePerRequestFilter {

	private static final Pattern SUBMIT = Pattern.compile("/api/v1/(posts/[^/]+/)?comments/?");

	private final boolean intake;

	IntakeRoleFilter(OperationsSettings settings) {
		this.intake = settings.runs(Role.INTAKE);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.intake || !"POST".equals(request.getMethod())
				|| !SUBMIT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(("{\"type\":\"about:blank\",\"status\":503,\"title\":\"Comment intake unavailable\","
				+ "\"detail\":\"This instance does not take submissions. Nothing was accepted; please try again.\"}")
			.getBytes(StandardCharsets.UTF_8));
	}

}
