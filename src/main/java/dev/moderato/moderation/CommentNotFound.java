package dev.moderato.moderation;

import dev.moderato.comments.CommentId;

/**
 * No comment with that id (it may have been deleted).
 */
public class CommentNotFound extends RuntimeException {

	public CommentNotFound(CommentId id) {
		this(id.toString());
	}

	public CommentNotFound(String id) {
		super("No comment with id " + id + ".");
	}

}
