package dev.moderato.imports.formats;

import java.io.Closeable;
import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Reads one export file as a stream, in bounded memory: posts and comments in the order the file gives them. A post
 * is returned before the first comment that refers to it where the format allows; the importer copes with either
 * order.
 */
public interface SourceReader extends Closeable {

	/**
	 * @return the next post or comment, or {@code null} at the end of the file
	 * @throws BadRecord if one record cannot be read (the importer reports it with its position and goes on)
	 * @throws BrokenFile if the file as a whole cannot be read any further (nothing is imported from it)
	 */
	@Nullable Object next() throws IOException;

	/** A record that cannot be imported; the rest of the file can. */
	final class BadRecord extends RuntimeException {

		private final String position;

		public BadRecord(String position, String message) {
			super(message);
			this.position = position;
		}

		public String position() {
			return this.position;
		}

	}

	/** A file that is not of its format or is broken past recovery. */
	final class BrokenFile extends RuntimeException {

		public BrokenFile(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
