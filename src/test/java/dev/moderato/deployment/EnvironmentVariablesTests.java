package dev.moderato.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How Spring Boot binds environment variables, as the documentation and the deployment files write them: a plain
 * property takes either form ({@code SEND_TIMEOUT} or {@code SENDTIMEOUT}); a map or list property whose name has a
 * dash only binds with the dash dropped ({@code MODERATO_PRIVACY_EMAILKEYS_K1}).
 */
class EnvironmentVariablesTests {

	@Test
	void aPlainPropertyBindsWithTheDashAsAnUnderscore() {
		assertThat(binder(Map.of("MODERATO_INTAKE_SEND_TIMEOUT", "7s")).bind("moderato.intake.send-timeout", String.class).get())
			.isEqualTo("7s");
	}

	@Test
	void aMapPropertyBindsOnlyWithTheDashDropped() {
		Bindable<Map<String, String>> keys = Bindable.mapOf(String.class, String.class);
		assertThat(binder(Map.of("MODERATO_PRIVACY_EMAILKEYS_K1", "a")).bind("moderato.privacy.email-keys", keys).get())
			.containsEntry("k1", "a");
		assertThat(binder(Map.of("MODERATO_PRIVACY_EMAIL_KEYS_K1", "a")).bind("moderato.privacy.email-keys", keys).isBound())
			.isFalse();
	}

	@Test
	void aListPropertyBindsFromOneVariableOrIndexedOnes() {
		Bindable<List<String>> words = Bindable.listOf(String.class);
		assertThat(binder(Map.of("MODERATO_SPAM_HOLDWORDS", "a,b")).bind("moderato.spam.hold-words", words).get())
			.containsExactly("a", "b");
		assertThat(binder(Map.of("MODERATO_SPAM_HOLD_WORDS", "a,b")).bind("moderato.spam.hold-words", words).orElse(List.of()))
			.as("dashed form").containsExactly("a", "b");
		assertThat(binder(Map.of("MODERATO_MODERATION_LINKKEYS_K2", "key")).bind("moderato.moderation.link-keys",
				Bindable.mapOf(String.class, String.class)).get()).containsEntry("k2", "key");
	}

	private static Binder binder(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new Binder(ConfigurationPropertySources.get(environment));
	}

}
