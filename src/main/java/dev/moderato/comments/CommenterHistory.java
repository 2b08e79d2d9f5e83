package dev.moderato.comments;

/**
 * What earlier comments from the same email hash came to.
 */
public record CommenterHistory(int approved, int held, int spam, int rejected) {

	public static final CommenterHistory NONE = new CommenterHistory(0, 0, 0, 0);

	public int total() {
		return this.approved + this.held + this.spam + this.rejected;
	}

}
