package dev.moderato.comments;

/**
 * Whether a comment can be replied to from a given post.
 */
public enum ReplyTarget {

	/** It exists on that post and is published. */
	OPEN,

	/** No such comment. */
	UNKNOWN,

	/** It belongs to another post. */
	OTHER_POST,

	/** It exists but is not published (held, spam or rejected). */
	NOT_PUBLISHED

}
