package dev.moderato.notification;

/**
 * What following a reply-notification confirmation link did.
 */
public enum Confirmation {

	/** The address now gets reply notifications. */
	CONFIRMED,

	/** It did already; nothing changed. */
	ALREADY_CONFIRMED,

	/** The request expired before it was confirmed. */
	EXPIRED

}
