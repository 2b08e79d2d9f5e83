package dev.moderato.intake.web;

import dev.moderato.intake.AuthorUrl;
import dev.moderato.intake.CodePoints;
import dev.moderato.intake.CommentText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The "Leave a Reply" form, as JSON or as a plain HTML form (the same fields, the same checks). Required: name, email,
 * text. Optional spam hints a frontend may send: the value of a hidden honeypot field ({@code honeypot}; people leave
 * it empty) and how long the form was open ({@code timeToSubmitMs}). Optional for a post created on first use: the
 * page's canonical URL ({@code postUrl}) and title ({@code postTitle}). Lengths are counted in characters (code
 * points), as people count them.
 */
record SubmissionForm(
		@NotBlank @CodePoints(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Nullable String authorName,
		@NotBlank @Size(max = 254) @Email(message = "must be a valid email address") @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "must not contain control characters or spaces") @Nullable String authorEmail,
		@Size(max = 2000) @AuthorUrl @Nullable String authorUrl,
		@NotNull @Nullable String text,
		@Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message = "must be a comment id") @Nullable String parentId,
		@Nullable Boolean notifyReplies, @Size(max = 2000) @Nullable String honeypot,
		@Min(value = 0, message = "must not be negative") @Nullable Long timeToSubmitMs,
		@Size(max = 2000) @Nullable String postUrl, @Size(max = 1000) @Nullable String postTitle) {

	/** The text is checked after normalising, as it will be stored. */
	@AssertTrue(message = "must be 1 to " + CommentText.MAX_LENGTH + " characters after trimming")
	boolean isTextLength() {
		if (this.text == null) {
			return true;
		}
		String normal = CommentText.normalise(this.text);
		return !normal.isEmpty() && normal.codePointCount(0, normal.length()) <= CommentText.MAX_LENGTH;
	}

}
