package dev.moderato.moderation.web;

import dev.moderato.moderation.ModerationAction;

/**
 * What the confirm page behind a one-click mail link asks, in a sentence: its title and heading, the button's label
 * and its colour ({@code action} is also the CSS class of the button).
 */
record LinkQuestion(String action, String question, String button) {

	static LinkQuestion of(ModerationAction action) {
		return switch (action) {
			case APPROVE -> new LinkQuestion(action.wireValue(), "Approve this comment?", "Approve");
			case SPAM -> new LinkQuestion(action.wireValue(), "Mark this comment as spam?", "Mark as spam");
			case REJECT -> new LinkQuestion(action.wireValue(), "Reject this comment?", "Reject");
			case NOT_SPAM -> new LinkQuestion(action.wireValue(), "Publish this comment as not spam?", "Not spam");
		};
	}

}
