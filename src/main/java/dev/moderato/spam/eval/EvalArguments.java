package dev.moderato.spam.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The evaluation command's arguments.
 *
 * @param train files to train a fresh model on (none: the shipped default model)
 * @param test files to classify
 * @param folds K for stratified K-fold cross-validation over the test files, 0 for none
 * @param online predict each test comment in order, then learn its true label
 * @param empty with {@code --online} and no {@code --train}: start from an empty model instead of the shipped one
 * @param shuffle shuffle the test comments with this seed first (files are often sorted by label), or {@code null}
 * @param mistakes list every misjudged comment with its reasons
 * @param hold the hold threshold to evaluate instead of the shipped one, or {@code null} (for choosing it by
 * cross-validation on the training corpus)
 */
record EvalArguments(List<Path> train, List<Path> test, int folds, boolean online, boolean empty,
		@Nullable Long shuffle, boolean mistakes, @Nullable Double hold) {

	static final String USAGE = "usage: --test FILE [--test FILE ...] [--train FILE ...] [--cv K | --online [--empty]]"
			+ " [--shuffle SEED] [--mistakes] [--hold P]";

	EvalArguments(List<Path> train, List<Path> test, int folds, boolean online) {
		this(train, test, folds, online, false, null, false, null);
	}

	static EvalArguments parse(String... args) {
		List<Path> train = new ArrayList<>();
		List<Path> test = new ArrayList<>();
		int folds = 0;
		boolean online = false;
		boolean empty = false;
		Long shuffle = null;
		boolean mistakes = false;
		Double hold = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--train" -> train.add(Path.of(value(args, ++i)));
				case "--test" -> test.add(Path.of(value(args, ++i)));
				case "--cv" -> folds = parseFolds(value(args, ++i));
				case "--online" -> online = true;
				case "--empty" -> empty = true;
				case "--shuffle" -> shuffle = parseSeed(value(args, ++i));
				case "--mistakes" -> mistakes = true;
				case "--hold" -> hold = parseProbability(value(args, ++i));
				default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
			}
		}
		if (test.isEmpty()) {
			throw new IllegalArgumentException("no --test file; " + USAGE);
		}
		if (folds > 0 && online) {
			throw new IllegalArgumentException("--cv and --online exclude each other; " + USAGE);
		}
		if (empty && (!online || !train.isEmpty())) {
			throw new IllegalArgumentException("--empty goes with --online and no --train; " + USAGE);
		}
		return new EvalArguments(List.copyOf(train), List.copyOf(test), folds, online, empty, shuffle, mistakes, hold);
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
		}
		return args[i];
	}

	private static long parseSeed(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--shuffle needs a whole number seed, not '" + value + "'");
		}
	}

	private static double parseProbability(String value) {
		try {
			double p = Double.parseDouble(value);
			if (p >= 0 && p <= 1) {
				return p;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--hold needs a probability from 0 to 1, not '" + value + "'");
	}

	private static int parseFolds(String value) {
		try {
			int k = Integer.parseInt(value);
			if (k >= 2) {
				return k;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException("--cv needs a whole number of at least 2, not '" + value + "'");
	}

}
