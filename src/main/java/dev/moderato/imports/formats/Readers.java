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
		return switch (format) {
			case WXR -> new WxrReader(file);
			case DISQUS -> new DisqusReader(file);
			case ISSO -> new IssoReader(file);
			case REMARK42 -> new Remark42Reader(file);
			case COMMENTO -> new CommentoReader(file);
			case MODERATO -> new ModeratoReader(file);
		};
	}

}
