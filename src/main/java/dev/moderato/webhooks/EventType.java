package dev.moderato.webhooks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.moderato.moderation.CommentModerated;

/**
 * What a webhook can be told about a comment. The wire value is the {@code type} of the payload and the
 * {@code Moderato-Event} header.
 */
public enum EventType {

	/** The comment became visible in its post's thread (the spam filter's verdict, or a moderator's). */
	PUBLISHED("comment.published"),

	/** The comment waits for a moderator. */
	HELD("comment.held"),

	/** A person (a moderator, or the post's author by a mail link) decided: approved, spam, rejected or deleted. */
	DECIDED("comment.decided");

	private final String wireValue;

	EventType(String wireValue) {
		this.wireValue = wireValue;
	}

	public String wireValue() {
		return this.wireValue;
	}

	public static Optional<EventType> parse(String value) {
		return Arrays.stream(values()).filter(type -> type.wireValue.equals(value)).findFirst();
	}

	/** The webhook events a verdict or decision makes: a moderator's approval both publishes and decides. */
	static List<EventType> of(CommentModerated event) {
		List<EventType> types = new ArrayList<>(2);
		if ("approved".equals(event.status()) && !"approved".equals(event.previousStatus())) {
			types.add(PUBLISHED);
		}
		if ("held".equals(event.status())) {
			types.add(HELD);
		}
		if (event.decidedByPerson()) {
			types.add(DECIDED);
		}
		return types;
	}

}
