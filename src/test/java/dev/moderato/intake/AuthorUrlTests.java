package dev.moderato.intake;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which websites a commenter may give, and how they are stored.
 */
class AuthorUrlTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "HTTPS://ok.example/ | https://ok.example/",
			"Http://Blog.Example:8080/A/B?x=Y#Z | http://blog.example:8080/A/B?x=Y#Z",
			"https://[2001:DB8::1]/ | https://[2001:db8::1]/", "https://ann.example | https://ann.example",
			"https://x.example/a%20b(1)~!$&*+,;=:@ | https://x.example/a%20b(1)~!$&*+,;=:@" })
	void acceptsRfc3986HttpUrlsAndLowersSchemeAndHost(String given, String stored) {
		assertThat(AuthorUrl.Parser.normalise(given)).contains(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://x.example/\"", "https://x.example/<b>", "https://x.example/'", "https://x.example/`",
			"https://x.example/a b", "https://x.example/\u2028", "https://x.example/\u0085", "https://x.example/é",
			"https://x.example/%zz", "https://x.example/%4", "https://x.example/a#b#c", "https://user@x.example/",
			"https://", "https://:80/", "https://x.example:99999/", "ftp://x.example/", "javascript:alert(1)", "//x.example/",
			"https://x.example/[1]", "https://x.exa\u0000mple/" })
	void refusesAnythingElse(String given) {
		assertThat(AuthorUrl.Parser.normalise(given)).isEqualTo(Optional.empty());
	}

}
