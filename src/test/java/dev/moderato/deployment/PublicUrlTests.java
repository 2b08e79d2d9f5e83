package dev.moderato.deployment;

import dev.moderato.moderation.ModerationSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside the dev run nothing can guess the address people reach the service at, and a wrong one makes every link in
 * every mail dead: the service refuses to start until {@code MODERATO_MODERATION_PUBLIC_URL} names an absolute
 * http(s) address, and says so.
 */
class PublicUrlTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void refusesToStartWithoutAPublicUrlAndNamesTheVariable() {
		this.context.run(started -> assertThat(started).hasFailed().getFailure()
			.rootCause().hasMessageContaining("publicUrl").hasMessageContaining("MODERATO_MODERATION_PUBLIC_URL"));
	}

	@Test
	void isASettingEveryDeploymentMustGive() {
		assertThat(ServiceSettings.load().required()).as("checked against compose and every Kubernetes overlay")
			.contains("moderato.moderation.public-url", "moderato.privacy.hash-key");
	}

	@Test
	void refusesAnAddressThatIsNotAnAbsoluteHttpUrl() {
		for (String bad : new String[] { "", "comments.blog.example", "ftp://comments.blog.example", "https://", "https://a b" }) {
			this.context.withPropertyValues("moderato.moderation.public-url=" + bad)
				.run(started -> assertThat(started).as(bad).hasFailed());
		}
	}

	@Test
	void startsWithAnAbsoluteAddressWithOrWithoutPortAndPath() {
		for (String good : new String[] { "https://comments.blog.example", "http://localhost:8080", "https://blog.example/comments/" }) {
			this.context.withPropertyValues("moderato.moderation.public-url=" + good)
				.run(started -> assertThat(started.getBean(ModerationSettings.class).publicUrl()).isEqualTo(good));
		}
	}

	/** Not a {@code @Configuration}: component scanning in the dev run must not find it. */
	@EnableConfigurationProperties(ModerationSettings.class)
	static class Settings {

	}

}
