package dev.moderato;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure holds: no module reaches into another's internals, and there are no cycles.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ModeratoApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		Path output = Path.of("target", "spring-modulith-docs");
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(output.resolve("components.puml")).exists();
		assertThat(output.resolve("module-intake.adoc")).exists();
	}

}
