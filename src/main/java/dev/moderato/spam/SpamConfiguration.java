package dev.moderato.spam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pure-Java engine into the application: at startup it trains the shipped default model from the bundled
 * corpus (a few hundred milliseconds), so a new blog is protected from its first comment.
 */
@Configuration(proxyBeanMethods = false)
class SpamConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpamConfiguration.class);

	@Bean
	SpamFilter spamFilter(SpamSettings settings) {
		long start = System.nanoTime();
		SpamFilter filter = SpamFilter.withDefaultModel(settings);
		log.atInfo()
			.addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
			.log("Spam engine trained its default model from the bundled corpus");
		return filter;
	}

}
