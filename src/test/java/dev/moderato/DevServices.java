package dev.moderato;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Real backing services for tests and the dev run ({@code ./mvnw spring-boot:test-run}), wired as Boot connection
 * details so the application never knows where they came from. Each is used only where the environment names no real
 * one: {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, {@code SPRING_DATASOURCE_URL}, {@code SPRING_MAIL_HOST}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ DevMailController.class, DevSeed.class, DemoPage.class })
public class DevServices {

	@Bean
	@ConditionalOnExpression("'${spring.kafka.bootstrap-servers:}'.isEmpty()")
	KafkaConnectionDetails embeddedKafka() {
		String bootstrap = EmbeddedServices.kafka();
		return () -> List.of(bootstrap);
	}

	@Bean
	@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
	JdbcConnectionDetails embeddedPostgres() {
		EmbeddedServices.Database db = EmbeddedServices.postgres();
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return db.username();
			}

			@Override
			public String getPassword() {
				return db.password();
			}

			@Override
			public String getJdbcUrl() {
				return db.jdbcUrl();
			}

		};
	}

	@Bean
	GreenMail greenMail() {
		return EmbeddedServices.greenMail();
	}

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
	JavaMailSender greenMailSender(GreenMail greenMail, Environment environment) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		// the same Jakarta Mail settings (timeouts) as a sender Boot configures from spring.mail.*
		Properties properties = new Properties();
		properties.putAll(Binder.get(environment)
			.bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of()));
		sender.setJavaMailProperties(properties);
		return sender;
	}

	/** The dev mail catcher is open: it exists only in the dev run and tests. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain devMailSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/dev/**").authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
	}

	/** The demo blog post, open to all, under the strict policy it exists to show the embed works with. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain demoPageSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/demo", "/demo/**")
			.authorizeHttpRequests(r -> r.anyRequest().permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DemoPage.CSP)))
			.build();
	}

}
