package dev.moderato.spam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFingerprintTests {

	private static final String COMMENT = "Great post! I made a video about the same topic, you can find it on my "
			+ "channel, please have a look and tell me what you think about it";

	@Test
	void matchesTheSameTextDespiteCaseAndInvisibleCharacters() {
		assertThat(TextFingerprint.of(COMMENT.toUpperCase().replace("o", "o\u200B")))
			.isEqualTo(TextFingerprint.of(COMMENT));
	}

	@Test
	void findsNearDuplicateWithAWordChanged() {
		long original = TextFingerprint.of(COMMENT);
		long edited = TextFingerprint.of(COMMENT.replace("Great post!", "Nice post!"));
		assertThat(TextFingerprint.nearDuplicates(original, edited)).isTrue();
	}

	@Test
	void separatesDifferentTexts() {
		long other = TextFingerprint.of("The second example fails on Windows because the path separator differs, "
				+ "I had to change the build script to use the file API instead");
		assertThat(TextFingerprint.distance(TextFingerprint.of(COMMENT), other))
			.isGreaterThan(TextFingerprint.NEAR_DUPLICATE_BITS);
	}

	@Test
	void givesZeroForTextWithoutWords() {
		assertThat(TextFingerprint.of("!!! ...")).isZero();
	}

}
