package dev.moderato.moderation;

import java.util.Locale;

/**
 * Who made a decision.
 */
public enum ActorKind {

	/** The spam filter, on submission. */
	ENGINE,

	/** A moderator, on the page or through the API. */
	MODERATOR,

	/** The post's author, by a one-click link in a mail. */
	EMAIL_LINK;

	public String wireValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
