package dev.moderato.notification;

import java.util.Objects;

/**
 * What a post author wants to hear about, and how.
 *
 * @param delivery each mail at once, or an hourly or daily digest
 * @param newComment mails about newly published comments
 * @param held mails about comments held for review
 * @param nothingAtAll the author unsubscribed from every mail
 */
public record AuthorPreference(Delivery delivery, boolean newComment, boolean held, boolean nothingAtAll) {

	public static final String NEW_COMMENT = "new-comment";

	public static final String HELD = "held";

	/** Without a choice: every kind, at once. */
	public static final AuthorPreference DEFAULT = new AuthorPreference(Delivery.IMMEDIATE, true, true, false);

	public AuthorPreference {
		Objects.requireNonNull(delivery, "delivery");
	}

	/** Whether a mail of this kind ({@value #NEW_COMMENT} or {@value #HELD}) goes out at all. */
	public boolean wants(String kind) {
		return !this.nothingAtAll && (HELD.equals(kind) ? this.held : this.newComment);
	}

}
