package dev.moderato.comments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

/**
 * A page of a moderation queue: which statuses, narrowed by post, commenter or text, in a stable order, after a
 * cursor.
 *
 * @param statuses the queue (one status, or several for "all")
 * @param posts only these posts; {@code null} for every post
 * @param commenter only this commenter
 * @param text only comments containing this text (case-insensitive)
 * @param order oldest first, newest first, or highest spam score first
 * @param after the cursor of the last item of the previous page
 * @param limit page size
 */
public record CommentQuery(Set<CommentStatus> statuses, @Nullable Set<PostId> posts, @Nullable EmailHash commenter,
		@Nullable String text, Order order, @Nullable Cursor after, int limit) {

	public CommentQuery {
		Objects.requireNonNull(statuses, "statuses");
		Objects.requireNonNull(order, "order");
		if (limit < 1 || limit > 200) {
			throw new IllegalArgumentException("limit must be 1 to 200");
		}
	}

	/** Queue order. */
	public enum Order {

		OLDEST, NEWEST, SCORE

	}

	/**
	 * Where a page ended: the sort value and id of its last item, opaque to clients.
	 */
	public record Cursor(String sortValue, CommentId id) {

		public String encode() {
			return Base64.getUrlEncoder().withoutPadding().encodeToString((this.sortValue + "|" + this.id).getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Reads a cursor a previous page of the same order gave.
		 * @throws IllegalArgumentException if the token is not one
		 */
		public static Cursor decode(String token, Order order) {
			String[] parts;
			try {
				parts = StandardCharsets.UTF_8.newDecoder()
					.decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token)))
					.toString()
					.split("\\|", 2);
			}
			catch (IllegalArgumentException | CharacterCodingException ex) {
				throw new IllegalArgumentException("not a cursor");
			}
			if (parts.length != 2 || !sortValueOf(parts[0], order)) {
				throw new IllegalArgumentException("not a cursor");
			}
			return new Cursor(parts[0], CommentId.parse(parts[1]).orElseThrow(() -> new IllegalArgumentException("not a cursor")));
		}

		private static boolean sortValueOf(String value, Order order) {
			try {
				if (order == Order.SCORE) {
					return Double.isFinite(Double.parseDouble(value));
				}
				Instant.parse(value);
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

}
