package dev.moderato.system;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Public comment endpoints are open; everything else needs an account (HTTP Basic, stateless). Unauthenticated
 * callers get a 401 problem response.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint) throws Exception {
		return http.securityMatcher("/api/**", "/actuator/**", "/error")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/posts/*/comments", "/api/v1/comments/*").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/posts/*/comments").permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/api/v1/**").permitAll()
				.requestMatchers(HttpMethod.PUT, "/api/v1/posts/*").hasRole("ADMIN")
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
				.requestMatchers("/error").permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
			.csrf(csrf -> csrf.disable()) // stateless: no cookies, no session
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults())
			.build();
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
		return source;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService accounts(SystemSettings settings, PasswordEncoder encoder) {
		List<UserDetails> users = settings.accounts().stream()
			.map(account -> User.withUsername(account.username())
				.password(account.password().startsWith("{") ? account.password() : encoder.encode(account.password()))
				.roles(account.roles().toArray(String[]::new))
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

}
