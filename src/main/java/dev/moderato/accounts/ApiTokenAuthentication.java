package dev.moderato.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer mdt_...}, a personal API token. Other bearer tokens
 * (JWTs) are left to the resource server, if enabled.
 */
public class ApiTokenAuthentication extends OncePerRequestFilter {

	private final ApiTokens tokens;

	public ApiTokenAuthentication(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.startsWith("Bearer " + ApiTokens.PREFIX)) {
			Optional<Account> account = this.tokens.authenticate(header.substring("Bearer ".length()).strip());
			account.ifPresent(a -> {
				var authorities = AuthorityUtils.createAuthorityList(a.roles().stream().map(r -> "ROLE_" + r.name()).toList());
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(a.username(), null, authorities));
			});
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the API and the actuator (Prometheus scrapes with a METRICS account's token)
		return !(request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/"));
	}

}
