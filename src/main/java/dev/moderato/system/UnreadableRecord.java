package dev.moderato.system;

/**
 * A Kafka record that can never be processed (not JSON, wrong shape, invalid values): it goes straight to the topic's
 * dead-letter topic instead of being retried, so it never blocks its partition.
 */
public class UnreadableRecord extends RuntimeException {

	public UnreadableRecord(String message, Throwable cause) {
		super(message, cause);
	}

	public UnreadableRecord(String message) {
		super(message);
	}

}
