package dev.moderato.webhooks;

/**
 * A webhook that cannot be registered as asked, and which field is why.
 */
public class InvalidWebhook extends RuntimeException {

	private final String field;

	public InvalidWebhook(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
