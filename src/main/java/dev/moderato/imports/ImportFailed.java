package dev.moderato.imports;

/**
 * An import that cannot be done at all (unknown site, a site without a default author, a broken file); nothing of it
 * was stored.
 */
public class ImportFailed extends RuntimeException {

	public ImportFailed(String message) {
		super(message);
	}

}
