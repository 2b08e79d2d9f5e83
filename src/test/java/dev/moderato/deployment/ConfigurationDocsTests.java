package dev.moderato.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration table in {@code README.md} cannot drift: every {@code moderato.*} property the code
 * declares is listed with its default and its environment variable.
 */
class ConfigurationDocsTests {

	@Test
	void everyModeratoPropertyIsDocumentedWithItsDefaultAndEnvironmentVariable() throws IOException {
		List<String> rows = Files.readAllLines(Path.of("README.md")).stream().filter(l -> l.startsWith("| `")).toList();
		List<ServiceSettings.Property> properties = ServiceSettings.load().all().stream()
			.filter(p -> p.name().startsWith("moderato.")).toList();

		assertThat(properties).hasSizeGreaterThan(20).allSatisfy(property -> {
			String row = rows.stream().filter(r -> r.startsWith("| `" + property.name() + "`")).findFirst().orElse(null);
			assertThat(row).as("%s is in the configuration table", property.name()).isNotNull();
			assertThat(row).as("%s names its variable", property.name()).contains("`" + property.environmentVariable());
			if (property.defaultValue() != null && !property.defaultValue().isNull()) {
				assertThat(normalised(row)).as("%s shows its default", property.name())
					.contains(normalised(property.defaultValue().isArray() ? property.defaultValue().toString()
							: property.defaultValue().asString()));
			}
		});
	}

	private static String normalised(String text) {
		return text.replaceAll("[\\[\\]\"` ,]", "").toLowerCase(Locale.ROOT);
	}

}
