package dev.moderato.posts;

import java.util.regex.Pattern;

/**
 * A blog post's id as the blog knows it (a slug or number): 1 to 100 of {@code A-Z a-z 0-9 . _ -}.
 */
public record PostId(String value) {

	public static final String PATTERN = "[A-Za-z0-9._-]{1,100}";

	private static final Pattern VALID = Pattern.compile(PATTERN);

	public PostId {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException("A post id is 1 to 100 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
		}
	}

	public static boolean isValid(String value) {
		return value != null && VALID.matcher(value).matches();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
