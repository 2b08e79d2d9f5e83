package dev.moderato.spam.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.moderato.spam.corpus.LabelledText;

/**
 * Stratified K-fold assignment with a fixed seed: each class is shuffled, then dealt round-robin to the folds, so
 * every fold has (nearly) the same share of spam.
 */
final class Folds {

	static final long SEED = 42;

	private Folds() {
	}

	/** The fold (0 to k-1) of each comment, by position. */
	static int[] assign(List<LabelledText> comments, int k) {
		int[] fold = new int[comments.size()];
		for (boolean spam : new boolean[] { false, true }) {
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < comments.size(); i++) {
				if (comments.get(i).spam() == spam) {
					members.add(i);
				}
			}
			SplittableRandom random = new SplittableRandom(SEED + (spam ? 1 : 0));
			for (int i = members.size() - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				Integer t = members.get(i);
				members.set(i, members.get(j));
				members.set(j, t);
			}
			for (int i = 0; i < members.size(); i++) {
				fold[members.get(i)] = i % k;
			}
		}
		return fold;
	}

}
