package dev.moderato.faults;

import java.util.ArrayList;
import java.util.List;

import dev.moderato.DevServices;
import dev.moderato.ModeratoApplication;
import dev.moderato.OwnDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts Moderato instances of a fault test's own: their own Kafka and database, so breaking them never disturbs the
 * shared test context, and the shared context's jobs (outbox resubmission, say) never touch their data. SMTP is the
 * shared GreenMail; tests tell their mail apart by recipient.
 */
final class Instances {

	private Instances() {
	}

	static ConfigurableApplicationContext start(String kafka, OwnDatabase database, List<Class<?>> extra,
			String... properties) {
		List<Class<?>> sources = new ArrayList<>(List.of(ModeratoApplication.class, DevServices.class));
		sources.addAll(extra);
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.kafka.bootstrap-servers=" + kafka,
				"moderato.operations.metrics-refresh=1h", "spring.lifecycle.timeout-per-shutdown-phase=10s"));
		all.addAll(List.of(database.properties()));
		all.addAll(List.of(properties));
		// as arguments, which outrank application.yml (builder properties are only defaults)
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).profiles("embedded")
			.run(all.stream().map(property -> "--" + property).toArray(String[]::new));
	}

	static ConfigurableApplicationContext start(String kafka, OwnDatabase database, String... properties) {
		return start(kafka, database, List.of(), properties);
	}

}
