package dev.moderato.spam.corpus;

import java.util.Objects;

/**
 * A comment text with its known label, for training and evaluation.
 *
 * @param text the comment text (U+FEFF removed)
 * @param spam whether it is spam
 */
public record LabelledText(String text, boolean spam) {

	public LabelledText {
		Objects.requireNonNull(text, "text");
	}

}
