package dev.moderato.accounts;

/**
 * What an account may do.
 */
public enum Role {

	/** Manages accounts and posts, reads the audit log, undoes trust and bans; moderates everything. */
	ADMIN,

	/** Reviews queues and decides on comments, on all posts or on the posts an admin allowed. */
	MODERATOR,

	/** Reads the metrics ({@code /actuator/prometheus}), for the Prometheus scraper; nothing else. */
	METRICS

}
