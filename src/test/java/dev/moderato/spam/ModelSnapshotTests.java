package dev.moderato.spam;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.moderato.spam.Candidates.fromKnownCommenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelSnapshotTests {

	private static final List<String> TEXTS = List.of("check out my channel please", "I love this song",
			"win money at https://deals.biz now", "Thanks, very clear explanation.");

	@Test
	void restoresExactlyWhatWasLearned() {
		SpamFilter original = SpamFilter.withDefaultModel(SpamSettings.defaults());
		original.learn(fromKnownCommenter("buy followers at https://deals.biz"), true);

		SpamFilter copy = SpamFilter.fromSnapshot(SpamSettings.defaults(), original.snapshot());

		for (String text : TEXTS) {
			assertThat(copy.assess(fromKnownCommenter(text))).isEqualTo(original.assess(fromKnownCommenter(text)));
		}
		assertThat(copy.snapshot()).isEqualTo(original.snapshot());
	}

	@Test
	void restoreReplacesStateOfARunningEngine() {
		SpamFilter trained = SpamFilter.withDefaultModel(SpamSettings.defaults());
		SpamFilter blank = SpamFilter.untrained(SpamSettings.defaults());

		blank.restore(trained.snapshot());

		assertThat(blank.assess(fromKnownCommenter(TEXTS.get(0))))
			.isEqualTo(trained.assess(fromKnownCommenter(TEXTS.get(0))));
	}

	@Test
	void rejectsBytesThatAreNotASnapshot() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpamFilter.fromSnapshot(SpamSettings.defaults(), new byte[] { 1, 2, 3 }));
		byte[] truncated = java.util.Arrays.copyOf(SpamFilter.untrained(SpamSettings.defaults()).snapshot(), 10);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpamFilter.fromSnapshot(SpamSettings.defaults(), truncated));
	}

}
