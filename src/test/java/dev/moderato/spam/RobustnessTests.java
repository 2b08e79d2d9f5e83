package dev.moderato.spam;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Any string scores without error, and work grows linearly with the input: the scanners use no regular expressions
 * (so no backtracking), and the feature count is bounded by a fixed multiple of the length. The only time bound is a
 * generous hang guard.
 */
class RobustnessTests {

	private static SpamFilter shipped;

	@BeforeAll
	static void trainDefaultModel() {
		shipped = SpamFilter.withDefaultModel(SpamSettings.defaults());
	}

	static List<String> naughtyStrings() throws IOException {
		try (InputStream in = RobustnessTests.class.getResourceAsStream("/naughty-strings/blns.json")) {
			return List.of(JsonMapper.builder().build().readValue(in, String[].class));
		}
	}

	@ParameterizedTest
	@MethodSource("naughtyStrings")
	void scoresEveryNaughtyStringInEveryField(String naughty) {
		Candidate candidate = new Candidate(naughty, naughty, naughty, naughty, naughty, 0, 0, naughty, false, null, 0,
				0, 0);
		Assessment assessment = shipped.assess(candidate);
		assertThat(assessment.score()).isBetween(0.0, 1.0);
		assertThat(assessment.reasons()).isNotEmpty();
		shipped.learn(Candidates.fromKnownCommenter(naughty), false);
		assertThat(TextFingerprint.of(naughty)).isNotNull();
	}

	static Stream<String> adversarialInputs() {
		return Stream.of("a".repeat(10_000), "!".repeat(10_000), "@".repeat(10_000), ".".repeat(10_000),
				"a.".repeat(5_000), "1 ".repeat(5_000), "+(".repeat(5_000), "&#".repeat(5_000), "<br".repeat(3_000),
				"\u200B".repeat(10_000), "\u0430a".repeat(5_000), "http://".repeat(1_500), "a@b.".repeat(2_500),
				"x-".repeat(5_000), "\uD835\uDC00".repeat(5_000), "\uFDFA".repeat(10_000), "check out my ".repeat(800));
	}

	@ParameterizedTest
	@MethodSource("adversarialInputs")
	void handlesHugeAdversarialInputs(String input) {
		Candidate candidate = new Candidate(input, input, input, "post-1", Candidates.COMMENTER, 0, 0, null, true,
				Duration.ZERO, 99, 99, 99);
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertThat(shipped.assess(candidate).score()).isBetween(0.0, 1.0);
			shipped.learn(candidate, true);
		});
	}

	@ParameterizedTest
	@MethodSource("adversarialInputs")
	void extractsFeaturesInProportionToLength(String input) {
		for (int copies = 1; copies <= 4; copies *= 2) {
			String text = input.repeat(copies);
			int features = Features.of(Analysis.of(text)).length;
			assertThat(features).isLessThanOrEqualTo(4 * text.length() + 64);
		}
	}

	@Test
	void scoringCodeUsesNoRegularExpressions() throws IOException {
		List<Path> sources = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/moderato/spam"))) {
			files.filter((f) -> f.toString().endsWith(".java")).forEach(sources::add);
		}
		assertThat(sources).isNotEmpty();
		for (Path source : sources) {
			String code = Files.readString(source);
			assertThat(code).as(source.toString())
				.doesNotContain("java.util.regex")
				.doesNotContain(".matches(")
				.doesNotContain(".replaceAll(");
		}
	}

}
