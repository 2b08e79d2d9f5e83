package dev.moderato.spam;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pure-Java filter into the application.
 */
@Configuration(proxyBeanMethods = false)
class SpamConfiguration {

	@Bean
	SpamFilter spamFilter(SpamSettings settings) {
		return new SpamFilter(settings);
	}

}
