package dev.moderato.comments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A page of a post's public thread: top-level comments in order after a cursor, each with all its replies.
 *
 * @param order oldest or newest top-level comment first (replies are always oldest first)
 * @param after where the previous page ended; {@code null} for the first page
 * @param limit how many top-level comments, 1 to {@value #MAX_LIMIT}
 */
public record ThreadQuery(Order order, @Nullable Cursor after, int limit) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 200;

	public ThreadQuery {
		Objects.requireNonNull(order, "order");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
		}
	}

	/** Which top-level comment comes first. */
	public enum Order {

		OLDEST, NEWEST

	}

	/**
	 * The last top-level comment of a page, and the order it was read in; opaque to clients.
	 */
	public record Cursor(Order order, Instant submittedAt, CommentId id) {

		public Cursor {
			Objects.requireNonNull(order, "order");
			Objects.requireNonNull(submittedAt, "submittedAt");
			Objects.requireNonNull(id, "id");
		}

		public String encode() {
			String plain = (this.order == Order.OLDEST ? "o" : "n") + "|" + this.submittedAt + "|" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
		}

		/**
		 * Reads a cursor a previous page of the same order gave.
		 * @throws IllegalArgumentException if the token is not one
		 */
		public static Cursor decode(String token, Order order) {
			try {
				String[] parts = StandardCharsets.UTF_8.newDecoder()
					.decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(token)))
					.toString()
					.split("\\|", -1);
				if (parts.length != 3 || !parts[0].equals(order == Order.OLDEST ? "o" : "n")) {
					throw new IllegalArgumentException("not a cursor");
				}
				return new Cursor(order, Instant.parse(parts[1]),
						CommentId.parse(parts[2]).orElseThrow(() -> new IllegalArgumentException("not a cursor")));
			}
			catch (IllegalArgumentException | CharacterCodingException | DateTimeParseException ex) {
				throw new IllegalArgumentException("not a cursor", ex);
			}
		}

	}

}
