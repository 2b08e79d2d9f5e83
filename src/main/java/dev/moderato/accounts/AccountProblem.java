package dev.moderato.accounts;

/**
 * An account change that cannot be made as asked.
 */
public class AccountProblem extends RuntimeException {

	public AccountProblem(String message) {
		super(message);
	}

}
