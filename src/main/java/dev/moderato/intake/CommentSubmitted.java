package dev.moderato.intake;

import java.time.Instant;
import java.util.UUID;

import dev.moderato.privacy.EncryptedEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A comment was submitted through the public API: the record on {@code comments.submitted}, keyed by post id.
 * Version 1 of a JSON contract that other services may read. The commenter's email appears only encrypted and as a
 * keyed hash; the address only as a network prefix and keyed hash.
 *
 * @param version contract version, {@value #VERSION}
 * @param commentId the id the submitter was given; consumers are idempotent on it
 * @param postId the post commented on
 * @param parentId the comment replied to, if any
 * @param authorName display name
 * @param authorUrl website, absolute http(s), if given
 * @param email the commenter's email, AES-GCM encrypted, with its key id
 * @param emailHash keyed HMAC-SHA256 of the normalised email (64 hex digits)
 * @param ipPrefix the client network (/24 or /48)
 * @param ipHash keyed hash of the client address
 * @param text the comment, control characters removed, trimmed, 1 to 10,000 characters
 * @param notifyReplies whether the commenter asked to hear of replies
 * @param submittedAt when intake accepted it
 * @param honeypotFilled whether the form's hidden honeypot field came back filled in (bots fill every field)
 * @param timeToSubmitMs how long the form was open before it was sent, as the frontend measured it, if it did
 */
public record CommentSubmitted(@Min(VERSION) @Max(VERSION) int version, @NotNull UUID commentId,
		@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String postId, @Nullable UUID parentId,
		@NotBlank @CodePoints(max = 100) String authorName, @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String authorUrl,
		@NotNull @Valid EncryptedEmail email, @NotNull @Pattern(regexp = "[0-9a-f]{64}") String emailHash,
		@Nullable @Size(max = 64) String ipPrefix, @Nullable @Size(max = 64) String ipHash,
		@NotBlank @CodePoints(max = CommentText.MAX_LENGTH) String text, boolean notifyReplies, @NotNull Instant submittedAt,
		boolean honeypotFilled, @Nullable @Min(0) Long timeToSubmitMs) {

	public static final int VERSION = 1;

	public static final String TOPIC = "comments.submitted";

	/**
	 * The lane for a flood: submissions beyond {@code moderato.intake.lane-threshold} a second on one post or from one
	 * network. Consumed by its own listener container, so a flood's backlog never delays the verdicts of the others.
	 */
	public static final String FLOOD_TOPIC = "comments.submitted.flood";

}
