package dev.moderato.imports.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a file with the reader of its format.
 */
final class Readers {

	private Readers() {
	}

	static SourceReader open(SourceFormat format, Path file) throws IOException {
		// each format's reader is added here as it is written
		if (format == SourceFormat.MODERATO) {
			return new ModeratoReader(file);
		}
		throw new IllegalArgumentException("The " + format.id() + " format is not readable yet");
	}

}
