package dev.moderato.spam.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The evaluation command's arguments.
 *
 * @param train files to train a fresh model on (none: the shipped default model, or an empty one with --online)
 * @param test files to classify
 * @param folds K for stratified K-fold cross-validation over the test files, 0 for none
 * @param online predict each test comment in order, then learn its true label
 */
record EvalArguments(List<Path> train, List<Path> test, int folds, boolean online) {

	static final String USAGE = "usage: --test FILE [--test FILE ...] [--train FILE ...] [--cv K | --online]";

	static EvalArguments parse(String... args) {
		List<Path> train = new ArrayList<>();
		List<Path> test = new ArrayList<>();
		int folds = 0;
		boolean online = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--train" -> train.add(Path.of(value(args, ++i)));
				case "--test" -> test.add(Path.of(value(args, ++i)));
				case "--cv" -> folds = parseFolds(value(args, ++i));
				case "--online" -> online = true;
				default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
			}
		}
		if (test.isEmpty()) {
			throw new IllegalArgumentException("no --test file; " + USAGE);
		}
		if (folds > 0 && online) {
			throw new IllegalArgumentException("--cv and --online exclude each other; " + USAGE);
		}
		return new EvalArguments(List.copyOf(train), List.copyOf(test), folds, online);
	}

	private static String value(String[] args, int i) {
		if (i >= args.length) {
			throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
		}
		return args[i];
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
