package dev.moderato.imports.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The export formats Moderato reads. Each opens a file (XML and JSON formats stream it; Isso is an SQLite database
 * file) as a {@link SourceReader}.
 */
public enum SourceFormat {

	WXR, DISQUS, ISSO, REMARK42, COMMENTO, MODERATO;

	/** The name used on the command line and in {@code ?format=}. */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static SourceFormat of(String id) {
		for (SourceFormat format : values()) {
			if (format.id().equals(id)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown format '" + id + "': one of wxr, disqus, isso, remark42, commento, moderato");
	}

	public SourceReader open(Path file) throws IOException {
		return Readers.open(this, file);
	}

}
