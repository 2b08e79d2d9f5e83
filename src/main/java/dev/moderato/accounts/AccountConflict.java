package dev.moderato.accounts;

/**
 * An account change refused because of the state of the accounts, such as removing the last admin (409).
 */
public class AccountConflict extends RuntimeException {

	public AccountConflict(String message) {
		super(message);
	}

}
