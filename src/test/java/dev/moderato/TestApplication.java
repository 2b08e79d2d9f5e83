package dev.moderato;

import org.springframework.boot.SpringApplication;

/**
 * Runs Moderato on its embedded default: {@code ./mvnw spring-boot:test-run}.
 */
public class TestApplication {

	public static void main(String[] args) {
		SpringApplication.from(ModeratoApplication::main)
			.with(DevServices.class)
			.withAdditionalProfiles("embedded")
			.run(args);
	}

}
