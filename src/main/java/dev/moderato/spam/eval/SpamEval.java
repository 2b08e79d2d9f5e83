package dev.moderato.spam.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.moderato.spam.Assessment;
import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;
import dev.moderato.spam.SpamSettings;
import dev.moderato.spam.Verdict;
import dev.moderato.spam.corpus.CommentCsv;
import dev.moderato.spam.corpus.LabelledText;

/**
 * The evaluation command: {@code ./mvnw -q compile exec:java@spam-eval -Dexec.args="ARGS"}. Judges labelled CSV
 * comments with the shipped policy ({@link SpamSettings#defaults()}) and prints a table (overall and per file), the
 * misjudged comments if asked, then a {@code RESULT} line. Without Spring and without a database. Each row is judged
 * as from an established commenter (one earlier published comment, no spam) with no submission facts, so the figures
 * measure the content engine; the author's name, website and the post's title come from the file when it has them.
 */
public final class SpamEval {

	private final EvalArguments arguments;

	private final SpamSettings settings;

	private final Tally tally = new Tally();

	private final List<Tally> perFile = new ArrayList<>();

	private final List<String> mistakes = new ArrayList<>();

	private SpamEval(EvalArguments arguments) {
		this.arguments = arguments;
		SpamSettings defaults = SpamSettings.defaults();
		this.settings = arguments.hold() == null ? defaults
				: defaults.withThresholds(defaults.spamThreshold(), Math.min(arguments.hold(), defaults.spamThreshold()));
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

	/** A test comment and the file it came from. */
	record Row(int file, LabelledText comment) {
	}

	private void run() throws IOException {
		List<LabelledText> train = read(this.arguments.train());
		List<Row> test = new ArrayList<>();
		for (int f = 0; f < this.arguments.test().size(); f++) {
			this.perFile.add(new Tally());
			for (LabelledText comment : read(List.of(this.arguments.test().get(f)))) {
				test.add(new Row(f, comment));
			}
		}
		if (this.arguments.shuffle() != null) {
			shuffle(test, this.arguments.shuffle());
		}
		SpamFilter last;
		String mode;
		if (this.arguments.folds() > 0) {
			mode = this.arguments.folds() + "-fold stratified cross-validation (seed " + Folds.SEED + ") over the test"
					+ " files" + (train.isEmpty() ? "" : ", --train files added to every fold's training set");
			last = crossValidate(train, test);
		}
		else if (this.arguments.online()) {
			mode = "online (prequential): judge each comment in " + (this.arguments.shuffle() == null ? "file" : "shuffled")
					+ " order, then learn its label as a moderator decision; starting from "
					+ (!train.isEmpty() ? "a model trained on the --train files"
							: this.arguments.empty() ? "an empty model" : "the shipped default model");
			last = !train.isEmpty() ? SpamFilter.trainedOn(this.settings, train)
					: this.arguments.empty() ? SpamFilter.untrained(this.settings)
							: SpamFilter.withDefaultModel(this.settings);
			for (Row row : test) {
				judge(last, row);
				last.learn(candidate(row.comment()), row.comment().spam());
			}
		}
		else {
			mode = "train/test: " + (train.isEmpty() ? "shipped default model (trained on the bundled corpus)"
					: "fresh model trained on the --train files");
			last = train.isEmpty() ? SpamFilter.withDefaultModel(this.settings)
					: SpamFilter.trainedOn(this.settings, train);
			for (Row row : test) {
				judge(last, row);
			}
		}
		Throughput.Measurement throughput = Throughput.measure(last,
				test.stream().map((r) -> candidate(r.comment())).toList());
		print(mode, train.size(), throughput);
	}

	private void judge(SpamFilter filter, Row row) {
		Assessment assessment = filter.assess(candidate(row.comment()));
		boolean spam = row.comment().spam();
		this.tally.add(spam, assessment.verdict());
		this.perFile.get(row.file()).add(spam, assessment.verdict());
		boolean wrong = spam ? assessment.verdict() != Verdict.SPAM : assessment.verdict() != Verdict.APPROVED;
		if (this.arguments.mistakes() && wrong) {
			this.mistakes.add(String.format(Locale.ROOT, "  %-4s -> %-8s %.2f  %s%n         %s",
					spam ? "spam" : "ham", assessment.verdict().name().toLowerCase(Locale.ROOT), assessment.score(),
					oneLine(row.comment().text(), 160)
							+ (row.comment().url() == null ? "" : "  [website " + row.comment().url() + "]"),
					String.join("; ", assessment.reasons())));
		}
	}

	private SpamFilter crossValidate(List<LabelledText> extra, List<Row> rows) {
		List<LabelledText> comments = rows.stream().map(Row::comment).toList();
		int[] fold = Folds.assign(comments, this.arguments.folds());
		SpamFilter filter = null;
		for (int k = 0; k < this.arguments.folds(); k++) {
			List<LabelledText> train = new ArrayList<>(extra);
			List<Row> held = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (fold[i] == k) {
					held.add(rows.get(i));
				}
				else {
					train.add(comments.get(i));
				}
			}
			filter = SpamFilter.trainedOn(this.settings, train);
			for (Row row : held) {
				judge(filter, row);
			}
		}
		return filter;
	}

	private void print(String mode, int trainSize, Throughput.Measurement throughput) {
		Tally t = this.tally;
		System.out.println("Spam engine evaluation");
		System.out.println("  mode        " + mode);
		System.out.println("  data        " + t.all() + " test comments (" + t.total(true) + " spam, " + t.total(false)
				+ " ham) from " + this.arguments.test().size() + " file(s); " + trainSize + " --train comments"
				+ (this.arguments.shuffle() == null ? "" : "; shuffled with seed " + this.arguments.shuffle()));
		System.out.println("  commenter   every row from an established commenter: 1 earlier published comment, no spam;"
				+ " no honeypot, timing, velocity or duplicate facts; author, url and title columns used if present");
		System.out.printf(Locale.ROOT,
				"  policy      " + (this.arguments.hold() == null ? "shipped defaults" : "--hold") + ": spam at >= %.2f with specific evidence (without: %s), held at >= %.2f%n",
				this.settings.spamThreshold(), this.settings.classifierAloneSpamAt() >= 1 ? "never, held"
						: String.format(Locale.ROOT, ">= %.2f", this.settings.classifierAloneSpamAt()),
				this.settings.holdThreshold());
		System.out.println();
		System.out.printf(Locale.ROOT, "  %-12s %9s %9s %9s%n", "true \\ said", "approved", "held", "spam");
		for (boolean spam : new boolean[] { false, true }) {
			System.out.printf(Locale.ROOT, "  %-12s %9d %9d %9d%n", spam ? "spam" : "ham",
					t.count(spam, Verdict.APPROVED), t.count(spam, Verdict.HELD), t.count(spam, Verdict.SPAM));
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "  precision %.4f  recall %.4f  F1 %.4f  MCC %.4f%n", t.precision(), t.recall(),
				t.f1(), t.mcc());
		System.out.printf(Locale.ROOT,
				"  ham marked spam (fpr) %.4f  spam approved (leak) %.4f  held %.4f  readers held %.4f%n",
				t.falsePositiveRate(), t.leak(), t.held(), t.readersHeld());
		if (this.arguments.test().size() > 1) {
			System.out.println();
			System.out.printf(Locale.ROOT, "  %-28s %5s %5s %7s %7s %7s %7s %7s%n", "file", "n", "spam", "MCC", "fpr",
					"leak", "held", "readers");
			for (int f = 0; f < this.perFile.size(); f++) {
				Tally file = this.perFile.get(f);
				System.out.printf(Locale.ROOT, "  %-28s %5d %5d %7.4f %7.4f %7.4f %7.4f %7.4f%n",
						oneLine(String.valueOf(this.arguments.test().get(f).getFileName()), 28), file.all(),
						file.total(true), file.mcc(), file.falsePositiveRate(), file.leak(), file.held(),
						file.readersHeld());
			}
		}
		if (this.arguments.mistakes()) {
			System.out.println();
			System.out.println("  misjudged (" + this.mistakes.size() + "): spam not marked spam, ham not approved");
			this.mistakes.forEach(System.out::println);
		}
		System.out.println();
		System.out.println("  scoring throughput " + throughput.describe());
		System.out.println(t.result(throughput.perSecond()));
	}

	static Candidate candidate(LabelledText comment) {
		return Candidate.of(comment.text(), comment.author(), comment.url(), "eval-post", "eval-commenter", 1, 0)
			.onPost(comment.postTitle(), null);
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

	/** Fisher-Yates with a fixed seed, so a shuffled run can be repeated. */
	static <T> void shuffle(List<T> rows, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = rows.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			T t = rows.get(i);
			rows.set(i, rows.get(j));
			rows.set(j, t);
		}
	}

	private static String oneLine(String text, int max) {
		String line = text.replace('\n', ' ').replace('\r', ' ');
		return line.length() <= max ? line : line.substring(0, max - 1) + "…";
	}

}
