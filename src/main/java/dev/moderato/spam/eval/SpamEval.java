package dev.moderato.spam.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;
import dev.moderato.spam.SpamSettings;
import dev.moderato.spam.Verdict;
import dev.moderato.spam.corpus.CommentCsv;
import dev.moderato.spam.corpus.LabelledText;

/**
 * The evaluation command: {@code ./mvnw -q compile exec:java@spam-eval -Dexec.args="ARGS"}. Judges labelled CSV
 * comments with the shipped policy ({@link SpamSettings#defaults()}) and prints a table, then a {@code RESULT} line.
 * Without Spring and without a database. Each row is judged as from an established commenter (one earlier published
 * comment, no spam) with no submission facts, so the figures measure the content engine.
 */
public final class SpamEval {

	private final EvalArguments arguments;

	private final SpamSettings settings = SpamSettings.defaults();

	private final Tally tally = new Tally();

	private SpamEval(EvalArguments arguments) {
		this.arguments = arguments;
	}

	public static void main(String[] args) throws IOException {
		EvalArguments arguments;
		try {
			arguments = EvalArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		new SpamEval(arguments).run();
	}

	private void run() throws IOException {
		List<LabelledText> train = read(this.arguments.train());
		List<LabelledText> test = read(this.arguments.test());
		SpamFilter last;
		String mode;
		if (this.arguments.folds() > 0) {
			mode = this.arguments.folds() + "-fold stratified cross-validation (seed " + Folds.SEED + ") over the test"
					+ " files" + (train.isEmpty() ? "" : ", --train files added to every fold's training set");
			last = crossValidate(train, test);
		}
		else if (this.arguments.online()) {
			mode = "online (prequential): judge each comment in file order, then learn its label; starting from "
					+ (train.isEmpty() ? "an empty model" : "a model trained on the --train files");
			last = train.isEmpty() ? SpamFilter.untrained(this.settings) : SpamFilter.trainedOn(this.settings, train);
			for (LabelledText comment : test) {
				this.tally.add(comment.spam(), last.assess(candidate(comment)).verdict());
				last.learn(candidate(comment), comment.spam());
			}
		}
		else {
			mode = "train/test: " + (train.isEmpty() ? "shipped default model (trained on the bundled corpus)"
					: "fresh model trained on the --train files");
			last = train.isEmpty() ? SpamFilter.withDefaultModel(this.settings)
					: SpamFilter.trainedOn(this.settings, train);
			for (LabelledText comment : test) {
				this.tally.add(comment.spam(), last.assess(candidate(comment)).verdict());
			}
		}
		double throughput = Throughput.measure(last, candidates(test));
		print(mode, train.size(), throughput);
	}

	private SpamFilter crossValidate(List<LabelledText> extra, List<LabelledText> comments) {
		int[] fold = Folds.assign(comments, this.arguments.folds());
		SpamFilter filter = null;
		for (int k = 0; k < this.arguments.folds(); k++) {
			List<LabelledText> train = new ArrayList<>(extra);
			List<LabelledText> held = new ArrayList<>();
			for (int i = 0; i < comments.size(); i++) {
				(fold[i] == k ? held : train).add(comments.get(i));
			}
			filter = SpamFilter.trainedOn(this.settings, train);
			for (LabelledText comment : held) {
				this.tally.add(comment.spam(), filter.assess(candidate(comment)).verdict());
			}
		}
		return filter;
	}

	private void print(String mode, int trainSize, double throughput) {
		Tally t = this.tally;
		System.out.println("Spam engine evaluation");
		System.out.println("  mode        " + mode);
		System.out.println("  data        " + t.all() + " test comments (" + t.total(true) + " spam, " + t.total(false)
				+ " ham) from " + this.arguments.test().size() + " file(s); " + trainSize + " --train comments");
		System.out.println("  commenter   every row from an established commenter: 1 earlier published comment, no spam;"
				+ " no honeypot, timing, velocity or duplicate facts");
		System.out.printf(Locale.ROOT,
				"  policy      shipped defaults: spam at >= %.2f (classifier alone: >= %.2f), held at >= %.2f%n",
				this.settings.spamThreshold(), this.settings.classifierAloneSpamAt(), this.settings.holdThreshold());
		System.out.println();
		System.out.printf(Locale.ROOT, "  %-12s %9s %9s %9s%n", "true \\ said", "approved", "held", "spam");
		for (boolean spam : new boolean[] { false, true }) {
			System.out.printf(Locale.ROOT, "  %-12s %9d %9d %9d%n", spam ? "spam" : "ham",
					t.count(spam, Verdict.APPROVED), t.count(spam, Verdict.HELD), t.count(spam, Verdict.SPAM));
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "  precision %.4f  recall %.4f  F1 %.4f  MCC %.4f%n", t.precision(), t.recall(),
				t.f1(), t.mcc());
		System.out.printf(Locale.ROOT, "  ham marked spam (fpr) %.4f  spam approved (leak) %.4f  held %.4f%n",
				t.falsePositiveRate(), t.leak(), t.held());
		System.out.printf(Locale.ROOT, "  scoring throughput %.0f comments/s (one thread, no database)%n", throughput);
		System.out.println(t.result(throughput));
	}

	static Candidate candidate(LabelledText comment) {
		return Candidate.of(comment.text(), "", null, "eval-post", "eval-commenter", 1, 0);
	}

	private static List<Candidate> candidates(List<LabelledText> comments) {
		return comments.stream().map(SpamEval::candidate).toList();
	}

	static List<LabelledText> read(List<Path> files) throws IOException {
		List<LabelledText> all = new ArrayList<>();
		for (Path file : files) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				all.addAll(CommentCsv.read(reader));
			}
		}
		return all;
	}

}
