package dev.moderato.spam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pure-Java engine into the application. It starts from the model saved in PostgreSQL (with the position in
 * the decision log it includes), or, on a new installation, trains the shipped default model from the bundled corpus
 * (under a second), so a new blog is protected from its first comment.
 */
@Configuration(proxyBeanMethods = false)
class SpamConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SpamConfiguration.class);

	/** The engine an instance starts with, and the decision-log position its model includes. */
	record StartingModel(SpamFilter filter, SpamMemory.Position applied) {
	}

	@Bean
	StartingModel startingModel(SpamSettings settings, SpamMemory memory) {
		try {
			var saved = memory.latest();
			if (saved.isPresent()) {
				SpamFilter filter = SpamFilter.fromSnapshot(settings, saved.get().bytes());
				log.atInfo().addKeyValue("appliedSeq", saved.get().applied().seq()).log("Spam model restored from PostgreSQL");
				return new StartingModel(filter, saved.get().applied());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Saved spam model unavailable, starting from the default model: {}", ex.toString());
		}
		long start = System.nanoTime();
		SpamFilter filter = SpamFilter.withDefaultModel(settings);
		log.atInfo()
			.addKeyValue("millis", (System.nanoTime() - start) / 1_000_000)
			.log("Spam engine trained its default model from the bundled corpus");
		return new StartingModel(filter, SpamMemory.Position.START);
	}

	@Bean
	SpamFilter spamFilter(StartingModel model) {
		return model.filter();
	}

}
