package dev.moderato.notification;

/**
 * A link from a notification mail that cannot be used.
 */
public class NotificationLinkProblem extends RuntimeException {

	private final boolean expired;

	private NotificationLinkProblem(boolean expired, String message) {
		super(message);
		this.expired = expired;
	}

	static NotificationLinkProblem invalid() {
		return new NotificationLinkProblem(false, "This link is not valid. It may have been cut short or altered.");
	}

	static NotificationLinkProblem pastExpiry() {
		return new NotificationLinkProblem(true, "This link expired.");
	}

	/** Past its expiry (else: not a link we signed). */
	public boolean isExpired() {
		return this.expired;
	}

}
