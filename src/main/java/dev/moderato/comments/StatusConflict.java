package dev.moderato.comments;

/**
 * A decision that does not fit the comment's current status (it was already decided, perhaps by someone else at the
 * same moment). Nothing was changed.
 */
public class StatusConflict extends RuntimeException {

	private final CommentId commentId;

	private final CommentStatus current;

	public StatusConflict(CommentId commentId, CommentStatus current, CommentStatus wanted) {
		super("Comment " + commentId + " is " + current.wireValue() + ", so it cannot become " + wanted.wireValue());
		this.commentId = commentId;
		this.current = current;
	}

	public CommentId commentId() {
		return this.commentId;
	}

	public CommentStatus current() {
		return this.current;
	}

}
