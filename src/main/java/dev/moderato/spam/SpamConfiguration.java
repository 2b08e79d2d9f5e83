package dev.moderato.spam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pure-Java engine into the application. Each instance trains the shipped prior from the bundled corpus
 * (under a second), so a new blog is protected from its first comment, and starts reading the decision log at its
 * end: each site's learned layer is loaded from PostgreSQL (its saved layer and the decisions after it) when the site
 * is first judged ({@link SpamLearning}).
 */
@Configuration(proxyBeanMethods = false)
class SpamConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpamConfiguration.class);

	/** The engine an instance starts with, and the decision-log position its site layers in memory include. */
	record StartingModel(SpamFilter filter, SpamMemory.Position applied) {
	}

	@Bean
	StartingModel startingModel(SpamSettings settings, SpamMemory memory) {
		long start = System.nanoTime();
		SpamFilter filter = SpamFilter.withDefaultModel(settings);
		log.atInfo()
			.addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
			.log("Spam engine trained its prior from the bundled corpus");
		SpamMemory.Position end = SpamMemory.Position.START;
		try {
			end = memory.end();
		}
		catch (RuntimeException ex) {
			log.warn("Decision log unavailable, reading it from its start: {}", ex.toString());
		}
		return new StartingModel(filter, end);
	}

	@Bean
	SpamFilter spamFilter(StartingModel model) {
		return model.filter();
	}

}
