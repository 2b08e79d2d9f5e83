package dev.moderato.spam;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SpamSettingsTests {

	@Test
	void defaultsMatchTheConfigurationDefaults() {
		SpamSettings bound = new Binder(new MapConfigurationPropertySource(Map.of("moderato.spam.max-links", "2")))
			.bind("moderato.spam", SpamSettings.class)
			.get();
		assertThat(bound).isEqualTo(SpamSettings.defaults());
	}

	@Test
	void bindsOwnerChoices() {
		SpamSettings bound = new Binder(new MapConfigurationPropertySource(
				Map.of("moderato.spam.hold-first-comment", "false", "moderato.spam.hold-words[0]", "refund",
						"moderato.spam.spam-threshold", "0.9", "moderato.spam.classifier-alone-spam-at", "0.8",
						"moderato.spam.velocity-window", "5m")))
			.bind("moderato.spam", SpamSettings.class)
			.get();
		assertThat(bound.holdFirstComment()).isFalse();
		assertThat(bound.holdWords()).containsExactly("refund");
		assertThat(bound.spamThreshold()).isEqualTo(0.9);
		assertThat(bound.classifierAloneSpamAt()).isEqualTo(0.9);
		assertThat(bound.velocityWindow()).hasMinutes(5);
	}

}
