package dev.moderato.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A commenter's website: an absolute {@code http} or {@code https} URL of RFC 3986 characters only, so nothing that
 * needs escaping ({@code " < > `}, spaces, U+2028, U+0085, any non-ASCII or control character) ever gets in. The scheme
 * is case-insensitive ({@code HTTPS://ok.example/} is fine); {@link #normalise} lowers scheme and host. Two things RFC
 * 3986 allows are refused as well: the apostrophe (a common way out of a quoted attribute, and rare in a homepage
 * address; send it as {@code %27}) and user information ({@code https://bank.example@evil.example/} misleads readers).
 * An empty string means no website.
 */
@Documented
@Constraint(validatedBy = AuthorUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface AuthorUrl {

	String message() default "must be an absolute http or https URL without spaces or control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Parses and normalises. */
	final class Parser {

		private static final String UNRESERVED_AND_SUB_DELIMS = "-._~!$&()*+,;=";

		private Parser() {
		}

		/** @return the URL with scheme and host in lower case, or empty if it is not one a commenter may give */
		public static Optional<String> normalise(String url) {
			int colon = url.indexOf("://");
			if (colon < 0) {
				return Optional.empty();
			}
			String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Optional.empty();
			}
			int start = colon + 3;
			int end = start;
			while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
				end++;
			}
			String authority = url.substring(start, end);
			String rest = url.substring(end);
			String host = host(authority);
			if (host == null || !validRest(rest)) {
				return Optional.empty();
			}
			return Optional.of(scheme + "://" + host + authority.substring(hostLength(authority)) + rest);
		}

		/** The host in lower case, or {@code null} if the authority is not {@code host[:port]}. */
		private static String host(String authority) {
			int length = hostLength(authority);
			String host = authority.substring(0, length);
			String port = authority.substring(length);
			if (host.isEmpty() || !(port.isEmpty() || (port.matches(":[0-9]{1,5}") && Integer.parseInt(port.substring(1)) <= 65_535))) {
				return null;
			}
			if (host.startsWith("[")) {
				return host.matches("\\[[0-9A-Fa-f:.]{2,45}\\]") ? host.toLowerCase(Locale.ROOT) : null;
			}
			for (int i = 0; i < host.length(); i++) {
				char c = host.charAt(i);
				if (!(isAlphaNumeric(c) || UNRESERVED_AND_SUB_DELIMS.indexOf(c) >= 0 || percentEncodedAt(host, i))) {
					return null;
				}
			}
			return host.toLowerCase(Locale.ROOT);
		}

		private static int hostLength(String authority) {
			if (authority.startsWith("[")) {
				int close = authority.indexOf(']');
				return close < 0 ? authority.length() : close + 1;
			}
			int colon = authority.indexOf(':');
			return colon < 0 ? authority.length() : colon;
		}

		/** Path, query and fragment: pchar, {@code /} and {@code ?}, and one {@code #}. */
		private static boolean validRest(String rest) {
			boolean inFragment = false;
			for (int i = 0; i < rest.length(); i++) {
				char c = rest.charAt(i);
				if (c == '#') {
					if (inFragment) {
						return false;
					}
					inFragment = true;
				}
				else if (!(isAlphaNumeric(c) || UNRESERVED_AND_SUB_DELIMS.indexOf(c) >= 0 || c == ':' || c == '@'
						|| c == '/' || c == '?' || percentEncodedAt(rest, i))) {
					return false;
				}
			}
			return true;
		}

		private static boolean percentEncodedAt(String s, int i) {
			return s.charAt(i) == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
					&& Character.digit(s.charAt(i + 2), 16) >= 0 && s.charAt(i + 1) < 0x80 && s.charAt(i + 2) < 0x80;
		}

		private static boolean isAlphaNumeric(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}

	}

	/** Valid if empty or a URL {@link Parser#normalise} accepts. */
	class Validator implements ConstraintValidator<AuthorUrl, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || Parser.normalise(value).isPresent();
		}

	}

}
