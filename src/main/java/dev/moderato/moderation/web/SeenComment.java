package dev.moderato.moderation.web;

import java.util.Optional;

import dev.moderato.comments.CommentId;

/**
 * A comment as the moderator saw it on the page: its id and version, sent back with every action ({@code id:version})
 * so that a decision on a comment someone else changed meanwhile is a conflict, not an override.
 */
record SeenComment(CommentId id, int version) {

	static Optional<SeenComment> parse(String token) {
		int colon = token.lastIndexOf(':');
		if (colon < 0 || !token.substring(colon + 1).matches("\\d{1,9}")) {
			return Optional.empty();
		}
		return CommentId.parse(token.substring(0, colon))
			.map(id -> new SeenComment(id, Integer.parseInt(token.substring(colon + 1))));
	}

	String token() {
		return this.id + ":" + this.version;
	}

}
