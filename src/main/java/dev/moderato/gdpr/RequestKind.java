package dev.moderato.gdpr;

import java.util.Locale;
import java.util.Optional;

/**
 * What a commenter asks for about their own address.
 */
public enum RequestKind {

	/** A copy of everything stored about the address. */
	EXPORT,

	/** Erase it: comments anonymised, the rest deleted. */
	ERASE;

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<RequestKind> parse(String value) {
		for (RequestKind kind : values()) {
			if (kind.wireValue().equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
