package dev.moderato.gdpr;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * How long a comment keeps its IP prefix and hash ({@code moderato.privacy.ip-retention}): the daily retention forgets
 * them after that, and an import does not store them for a comment already older.
 */
@Component
public class IpRetention {

	private final GdprSettings settings;

	IpRetention(GdprSettings settings) {
		this.settings = settings;
	}

	/** The oldest submission time whose comment still keeps its IP data at {@code now}. */
	public Instant keptSince(Instant now) {
		return now.minus(this.settings.ipRetention());
	}

}
