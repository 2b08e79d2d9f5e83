package dev.moderato.comments;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A comment's id: a time-ordered UUID (version 7) assigned at intake, so ids sort by submission time and index well.
 */
public record CommentId(UUID value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	public CommentId {
		Objects.requireNonNull(value, "value");
	}

	public static CommentId next(Instant now) {
		long millis = now.toEpochMilli();
		long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new CommentId(new UUID(msb, lsb));
	}

	public static Optional<CommentId> parse(String value) {
		try {
			return Optional.of(new CommentId(UUID.fromString(value)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** When a version-7 id was minted; empty for other UUID versions. */
	public Optional<Instant> mintedAt() {
		return this.value.version() == 7 ? Optional.of(Instant.ofEpochMilli(this.value.getMostSignificantBits() >>> 16))
				: Optional.empty();
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
