package dev.moderato.accounts;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account is deleted, disabled or changed (password, roles, posts): each
 * request of a session compares the account's fingerprint from sign-in with the one in PostgreSQL now (one indexed
 * query), so it holds on every instance at once. The request then goes on as anonymous, which sends it to sign in.
 */
public class AccountSessionCheck extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AccountSessionCheck.class);

	private final AccountAuthentication accounts;

	public AccountSessionCheck(AccountAuthentication accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			Optional<String> now = this.accounts.currentFingerprint(principal.username());
			if (now.isEmpty() || !now.get().equals(principal.fingerprint())) {
				log.atInfo().addKeyValue("account", principal.username())
					.log("Session ended: its account was changed, disabled or deleted");
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
