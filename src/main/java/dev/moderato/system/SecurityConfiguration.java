package dev.moderato.system;

import java.util.Collection;
import java.util.List;

import dev.moderato.accounts.AccountSettings;
import dev.moderato.accounts.ApiTokenAuthentication;
import dev.moderato.accounts.ApiTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two doors. The API ({@code /api/**}): public comment endpoints open, everything else needs an account, by HTTP
 * Basic, a personal API token ({@code Bearer mdt_...}) or, if enabled, an OIDC JWT; stateless, so no CSRF. The
 * moderation pages: form login with a session and CSRF protection; one-click email links are open, being signed
 * capabilities themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint problems, ApiTokens tokens,
			AccountSettings accounts) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**", "/error")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/posts/*/comments", "/api/v1/comments/*").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/posts/*/comments", "/api/v1/privacy/requests").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/avatars/**").permitAll()
				.requestMatchers("/api/v1/privacy/**").hasRole("ADMIN")
				.requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").permitAll()
				.requestMatchers(HttpMethod.PUT, "/api/v1/posts/*").hasRole("ADMIN")
				.requestMatchers("/api/v1/accounts/me/**").authenticated()
				.requestMatchers("/api/v1/accounts/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/moderation/audit/**", "/api/v1/notifications/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/moderation/**").hasRole("MODERATOR")
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
				.requestMatchers("/error").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.addFilterBefore(new ApiTokenAuthentication(tokens), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.csrf(csrf -> csrf.disable()) // stateless: no cookies, no session
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults());
		if (accounts.jwtEnabled()) {
			http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
				.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(accounts.jwtRolesClaim()))));
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/moderation/links/**", "/privacy/confirm/**", "/notifications/**", "/login", "/css/**", "/js/**",
						"/favicon.ico", "/").permitAll()
				.requestMatchers("/moderation/**").hasRole("MODERATOR")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/moderation", true).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// a link token is the capability: a forged cross-site POST would have to know it
			.csrf(csrf -> csrf.ignoringRequestMatchers("/moderation/links/**", "/privacy/confirm/**", "/notifications/**"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
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

	@Bean
	CorsConfigurationSource corsConfigurationSource(SystemSettings settings) {
		CorsConfiguration publicApi = new CorsConfiguration();
		publicApi.setAllowedOriginPatterns(settings.allowedOrigins());
		publicApi.setAllowedMethods(List.of("GET", "POST"));
		publicApi.setAllowedHeaders(List.of("Content-Type"));
		publicApi.setExposedHeaders(List.of("Location", "Retry-After"));
		publicApi.setAllowCredentials(false);
		publicApi.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/v1/posts/*/comments", publicApi);
		source.registerCorsConfiguration("/api/v1/comments/*", publicApi);
		source.registerCorsConfiguration("/api/v1/privacy/requests", publicApi);
		return source;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
