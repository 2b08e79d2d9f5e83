package dev.moderato;

import dev.moderato.imports.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Moderato: the comment backend behind a blog's "Leave a Reply" form.
 */
@Modulithic(systemName = "Moderato")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ModeratoApplication {

	public static void main(String[] args) {
		if (ImportCommand.handles(args)) { // import / export on the command line: no web server, no consumers
			System.exit(ImportCommand.run(ModeratoApplication.class, args));
		}
		SpringApplication.run(ModeratoApplication.class, args);
	}

}
