package dev.moderato.spam.corpus;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A comment text with its known label, for training and evaluation, and what else the file says about it.
 *
 * @param text the comment text (U+FEFF removed)
 * @param spam whether it is spam
 * @param author the author's name ({@code ""} if the file has none)
 * @param url the author's website, if given
 * @param postTitle the title of the post it was left on, if given
 */
public record LabelledText(String text, boolean spam, String author, @Nullable String url,
		@Nullable String postTitle) {

	public LabelledText {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(author, "author");
		url = url == null || url.isBlank() ? null : url.strip();
		postTitle = postTitle == null || postTitle.isBlank() ? null : postTitle.strip();
	}

	/** A comment known by its text alone. */
	public LabelledText(String text, boolean spam) {
		this(text, spam, "", null, null);
	}

}
