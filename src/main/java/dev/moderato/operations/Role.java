package dev.moderato.operations;

import java.util.Locale;

/**
 * A part of Moderato an instance can run ({@code moderato.operations.roles}); every instance runs all three unless
 * told otherwise, so the public API and each consumer can be scaled on their own.
 */
public enum Role {

	/** The public submit endpoint: scales on CPU and request rate. */
	INTAKE,

	/**
	 * The {@code comments.submitted} consumer, the outbox that publishes verdicts, the spam model's refresh, retention
	 * and the backlog gauges: scales up to its partitions.
	 */
	MODERATION,

	/** The {@code comments.moderated} consumer, the mail sender and digests: scales up to its partitions. */
	NOTIFICATION;

	/** The role a Kafka listener belongs to: its id starts with the role's name ({@code moderation-submissions}). */
	static Role ofListener(String listenerId) {
		String prefix = listenerId.contains("-") ? listenerId.substring(0, listenerId.indexOf('-')) : listenerId;
		try {
			return valueOf(prefix.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Kafka listener '" + listenerId
					+ "' names no role: its id must start with intake-, moderation- or notification-", ex);
		}
	}

}
