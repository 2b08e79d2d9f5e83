package dev.moderato.moderation;

/**
 * The caller may not moderate that (another post, or an admin-only action).
 */
public class NotAllowed extends RuntimeException {

	public NotAllowed(String message) {
		super(message);
	}

}
