package dev.moderato.imports;

import java.util.Locale;

/**
 * The formats a site is exported in: Moderato's own JSON, which the import reads back losslessly, and WordPress WXR.
 */
public enum ExportFormat {

	MODERATO("application/json", "json"), WXR("application/rss+xml", "xml");

	final String mediaType;

	final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ExportFormat of(String id) {
		for (ExportFormat format : values()) {
			if (format.id().equals(id)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown export format '" + id + "': moderato or wxr");
	}

}
