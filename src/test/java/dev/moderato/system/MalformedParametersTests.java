package dev.moderato.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which query strings are refused before anything reads them, and which parameter the problem names.
 */
class MalformedParametersTests {

	@Test
	void namesTheFirstParameterThatIsNotPercentEncodedUtf8() {
		assertThat(MalformedParameters.malformed("queue=held&cursor=%%")).contains("cursor");
		assertThat(MalformedParameters.malformed("q=a%a%")).contains("q");
		assertThat(MalformedParameters.malformed("after=%C0%AF")).contains("after");
		assertThat(MalformedParameters.malformed("%ZZ=1")).contains("query");
	}

	@Test
	void letsWellFormedQueriesThrough() {
		assertThat(MalformedParameters.malformed(null)).isEmpty();
		assertThat(MalformedParameters.malformed("q=caf%C3%A9+au+lait&sort=newest&flag")).isEmpty();
		assertThat(MalformedParameters.malformed("q=%F0%9F%98%80")).isEmpty();
	}

	@Test
	void readsTheParameterNameOutOfTomcatsMessage() {
		assertThat(MalformedParameters.nameIn("Character decoding failed. Parameter [cursor] with value [%%] has been ignored."))
			.isEqualTo("cursor");
		assertThat(MalformedParameters.nameIn("Parameter [<script>] with value")).isEqualTo("query");
	}

}
