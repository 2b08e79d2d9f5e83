package dev.moderato.spam.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.moderato.spam.Verdict;
import dev.moderato.spam.corpus.LabelledText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpamEvalTests {

	@Test
	void parsesRepeatableFilesAndModes() {
		EvalArguments arguments = EvalArguments.parse("--train", "a.csv", "--train", "b.csv", "--test", "c.csv",
				"--cv", "5");
		assertThat(arguments.train()).hasSize(2);
		assertThat(arguments.test()).hasSize(1);
		assertThat(arguments.folds()).isEqualTo(5);
		assertThat(EvalArguments.parse("--test", "c.csv", "--online").online()).isTrue();
	}

	@Test
	void parsesShuffleMistakesAndEmptyStart() {
		EvalArguments arguments = EvalArguments.parse("--test", "c.csv", "--online", "--empty", "--shuffle", "7",
				"--mistakes");
		assertThat(arguments.shuffle()).isEqualTo(7L);
		assertThat(arguments.mistakes()).isTrue();
		assertThat(arguments.empty()).isTrue();
		assertThat(EvalArguments.parse("--test", "c.csv").shuffle()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--empty"));
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--shuffle", "x"));
	}

	@Test
	void parsesAHoldThresholdToChooseOnTheTrainingCorpus() {
		assertThat(EvalArguments.parse("--test", "c.csv", "--cv", "5", "--hold", "0.4").hold()).isEqualTo(0.4);
		assertThat(EvalArguments.parse("--test", "c.csv").hold()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--hold", "1.5"));
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--hold", "x"));
	}

	@Test
	void shufflesTheSameWayForTheSameSeed() {
		List<Integer> a = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 50).boxed().toList());
		List<Integer> b = new java.util.ArrayList<>(a);
		SpamEval.shuffle(a, 3);
		SpamEval.shuffle(b, 3);
		assertThat(a).isEqualTo(b).isNotEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
	}

	@Test
	void judgesRowsWithTheirAuthorWebsiteAndPostTitle() {
		dev.moderato.spam.Candidate candidate = SpamEval
			.candidate(new LabelledText("nice", false, "Ann", "https://ann.example", "Sourdough"));
		assertThat(candidate.authorName()).isEqualTo("Ann");
		assertThat(candidate.authorUrl()).isEqualTo("https://ann.example");
		assertThat(candidate.postTitle()).isEqualTo("Sourdough");
	}

	@Test
	void countsReadersHeld() {
		Tally tally = new Tally();
		tally.add(false, Verdict.HELD);
		tally.add(false, Verdict.APPROVED);
		tally.add(true, Verdict.HELD);
		assertThat(tally.readersHeld()).isEqualTo(0.5);
	}

	@Test
	void rejectsMissingTestFileAndConflictingModes() {
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--train", "a.csv"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--cv", "5", "--online"));
		assertThatIllegalArgumentException().isThrownBy(() -> EvalArguments.parse("--test", "c.csv", "--cv", "1"));
	}

	@Test
	void countsHeldAsNotSpam() {
		Tally tally = new Tally();
		tally.add(true, Verdict.SPAM);
		tally.add(true, Verdict.HELD);
		tally.add(true, Verdict.APPROVED);
		tally.add(false, Verdict.APPROVED);
		tally.add(false, Verdict.SPAM);
		tally.add(false, Verdict.HELD);
		assertThat(tally.precision()).isEqualTo(0.5);
		assertThat(tally.recall()).isEqualTo(1.0 / 3);
		assertThat(tally.falsePositiveRate()).isEqualTo(1.0 / 3);
		assertThat(tally.leak()).isEqualTo(1.0 / 3);
		assertThat(tally.held()).isEqualTo(2.0 / 6);
		assertThat(tally.result(1234)).startsWith("RESULT n=6 precision=0.5000 recall=0.3333 ")
			.endsWith(" held=0.3333 throughput=1234/s");
	}

	@Test
	void computesMatthewsCorrelation() {
		Tally perfect = new Tally();
		perfect.add(true, Verdict.SPAM);
		perfect.add(false, Verdict.APPROVED);
		assertThat(perfect.mcc()).isEqualTo(1.0);
	}

	@Test
	void stratifiesFolds() {
		List<LabelledText> comments = new java.util.ArrayList<>();
		for (int i = 0; i < 100; i++) {
			comments.add(new LabelledText("t" + i, i < 30));
		}
		int[] fold = Folds.assign(comments, 5);
		for (int k = 0; k < 5; k++) {
			int spam = 0;
			int all = 0;
			for (int i = 0; i < fold.length; i++) {
				if (fold[i] == k) {
					all++;
					spam += comments.get(i).spam() ? 1 : 0;
				}
			}
			assertThat(all).isEqualTo(20);
			assertThat(spam).isEqualTo(6);
		}
		assertThat(Folds.assign(comments, 5)).isEqualTo(fold);
	}

}
