package dev.moderato.system;

import java.util.Collection;
import java.util.List;

import dev.moderato.accounts.AccountAuthentication;
import dev.moderato.accounts.AccountSessionCheck;
import dev.moderato.accounts.AccountSettings;
import dev.moderato.accounts.ApiTokenAuthentication;
import dev.moderato.accounts.ApiTokens;
import dev.moderato.sites.Sites;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Two doors. The API ({@code /api/**}): public comment endpoints open, everything else needs an account, by HTTP
 * Basic, a personal API token ({@code Bearer mdt_...}) or, if enabled, an OIDC JWT; stateless, so no CSRF token, but
 * unsafe calls with Basic credentials from another site are refused ({@link CrossSiteBasicGuard}) and browsers are never
 * sent a Basic challenge they would cache. The moderation pages: form login with a session that ends as soon as its
 * account changes ({@link AccountSessionCheck}), a {@code SameSite=Lax} cookie and CSRF protection; one-click email
 * links are open, being signed capabilities themselves, and are served with {@code Referrer-Policy: no-referrer}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Every request is observed once already ({@code http.server.requests}, with its trace); an observation per
	 * security filter, authentication and authorization on top of it cost more CPU than the rest of a public read.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The public endpoints (a thread, counts, a comment's status, a page's post, avatars, and posting a comment): open
	 * to anyone, so matched first by a chain without authentication, sessions or request wrappers, just the security
	 * headers the API sends. Credentials sent along are not looked at (a comment is anonymous whoever sends it); every
	 * other API call, and these paths with any other method, go through {@link #apiSecurity}.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicReadSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint problems) throws Exception {
		return http.securityMatcher(publicEndpoints())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.cors(cors -> cors.disable()) // applied by earlyCorsFilter, as for the rest of the API
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.servletApi(servletApi -> servletApi.disable())
			.logout(logout -> logout.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/**
	 * GET of the public read endpoints and POST of a comment (JSON or a plain HTML form), exactly as
	 * {@link #apiSecurity} permits them to all.
	 */
	static RequestMatcher publicEndpoints() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/api/v1/posts/*/comments"),
				paths.matcher(HttpMethod.GET, "/api/v1/comments/*"), paths.matcher(HttpMethod.GET, "/api/v1/counts"),
				paths.matcher(HttpMethod.GET, "/api/v1/posts/by-url"), paths.matcher(HttpMethod.GET, "/api/v1/avatars/**"),
				paths.matcher(HttpMethod.POST, "/api/v1/posts/*/comments"), paths.matcher(HttpMethod.POST, "/api/v1/comments"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint problems, ApiTokens tokens,
			AccountSettings accounts) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/error")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/posts/*/comments", "/api/v1/comments/*", "/api/v1/counts",
						"/api/v1/posts/by-url").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/posts/*/comments", "/api/v1/comments", "/api/v1/privacy/requests").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/avatars/**").permitAll()
				.requestMatchers("/api/v1/privacy/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/imports", "/api/v1/imports/**", "/api/v1/sites/*/export").hasRole("ADMIN")
				.requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").permitAll()
				.requestMatchers(HttpMethod.PUT, "/api/v1/posts/*").hasRole("ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/posts/*").hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/v1/posts/*/close", "/api/v1/posts/*/reopen").hasRole("ADMIN")
				.requestMatchers("/api/v1/sites/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/accounts/me/**").authenticated()
				.requestMatchers("/api/v1/accounts/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/moderation/audit/**", "/api/v1/notifications/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/moderation/**").hasRole("MODERATOR")
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
				.requestMatchers("/actuator/prometheus").hasAnyRole("METRICS", "ADMIN")
				.requestMatchers("/error").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.addFilterBefore(new CrossSiteBasicGuard(problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new ApiTokenAuthentication(tokens), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable()) // stateless: no cookies, no session; Basic from other sites: CrossSiteBasicGuard
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			// CORS is applied by earlyCorsFilter, before the size and rate limits, so their 413 and 429 are readable too
			.cors(cors -> cors.disable());
		if (accounts.jwtEnabled()) {
			http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(accounts.jwtRolesClaim()))));
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint problems,
			AccountAuthentication accounts) throws Exception {
		RequestMatcher links = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/moderation/links/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/privacy/confirm/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/notifications/**"));
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/moderation/links/**", "/privacy/confirm/**", "/notifications/**", "/login", "/css/**", "/js/**",
						"/favicon.ico", "/", "/embed.js", "/count.js").permitAll()
				.requestMatchers("/moderation/sites/**", "/moderation/sites").hasRole("ADMIN")
				.requestMatchers("/moderation/**").hasRole("MODERATOR")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/moderation", true)
				.failureHandler(ProblemAuthenticationEntryPoint::signInFailed).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new AccountSessionCheck(accounts), AnonymousAuthenticationFilter.class)
			// a link token is the capability: a forged cross-site POST would have to know it
			.csrf(csrf -> csrf.ignoringRequestMatchers("/moderation/links/**", "/privacy/confirm/**", "/notifications/**"))
			.exceptionHandling(ex -> ex.accessDeniedHandler(problems))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
				// pages behind mail links carry their token in the URL: never hand it on to another site
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(links, new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(links),
						new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))))
			.build();
	}

	static Converter<Jwt, AbstractAuthenticationToken> rolesFrom(String claim) {
		return jwt -> {
			Collection<String> roles = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
			List<GrantedAuthority> authorities = roles.stream()
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT)))
				.toList();
			String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
			return new JwtAuthenticationToken(jwt, authorities, name);
		};
	}

	/** Ahead of every other filter but the character encoding, so even a 413 or 429 carries the CORS headers. */
	@Bean
	FilterRegistrationBean<CorsFilter> earlyCorsFilter(CorsConfigurationSource publicApiCors) {
		CorsFilter cors = new CorsFilter(publicApiCors);
		cors.setCorsProcessor(new ProblemCorsProcessor());
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(cors);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/** The configured origins and, looked up on each request, every site's ({@link SiteOriginsCors}). */
	@Bean
	CorsConfigurationSource publicApiCors(SystemSettings settings, Sites sites) {
		return new SiteOriginsCors(corsConfigurationSource(settings), sites);
	}

	/** The public API's CORS rules for the configured origins alone. */
	CorsConfigurationSource corsConfigurationSource(SystemSettings settings) {
		CorsConfiguration publicApi = new CorsConfiguration();
		publicApi.setAllowedOriginPatterns(settings.allowedOrigins());
		publicApi.setAllowedMethods(List.of("GET", "POST"));
		publicApi.setAllowedHeaders(List.of("Content-Type"));
		publicApi.setExposedHeaders(List.of("Location", "Retry-After", "ETag"));
		publicApi.setAllowCredentials(false);
		publicApi.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/v1/posts/*/comments", publicApi);
		source.registerCorsConfiguration("/api/v1/comments/*", publicApi);
		source.registerCorsConfiguration("/api/v1/comments", publicApi);
		source.registerCorsConfiguration("/api/v1/counts", publicApi);
		source.registerCorsConfiguration("/api/v1/posts/by-url", publicApi);
		source.registerCorsConfiguration("/api/v1/privacy/requests", publicApi);
		return source;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
