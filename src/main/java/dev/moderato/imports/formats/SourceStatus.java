package dev.moderato.imports.formats;

/**
 * What the source system had decided about a comment.
 */
public enum SourceStatus {

	/** published */
	APPROVED,
	/** waiting for a moderator */
	HELD,
	/** marked as spam */
	SPAM,
	/** refused or trashed by a moderator */
	REJECTED,
	/** deleted after it was published: kept in the thread as Moderato keeps deleted comments */
	DELETED

}
