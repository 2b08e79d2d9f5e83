package dev.moderato.intake;

/**
 * Kafka did not acknowledge a submission in time: nothing was accepted, the submitter should retry.
 */
public class IntakeUnavailable extends RuntimeException {

	IntakeUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
