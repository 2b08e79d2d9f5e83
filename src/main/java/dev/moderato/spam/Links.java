package dev.moderato.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds links in text by scanning white-space separated tokens once (no regular expressions): anything with a scheme,
 * starting with {@code www.}, or a bare host name ending in a common top-level domain. Reports each link's
 * registrable domain ({@code youtube.com} for {@code https://m.youtube.com/watch?v=1}).
 */
final class Links {

	private static final Set<String> TLDS = Set.of("com", "net", "org", "info", "biz", "io", "co", "me", "tv", "us",
			"uk", "de", "ru", "fr", "es", "it", "nl", "pl", "br", "in", "au", "ca", "jp", "cn", "ly", "be", "gl", "ws",
			"xyz", "site", "online", "club", "top", "shop", "store", "app", "dev", "blog", "live", "pro", "tk", "ml", "ga",
			"cf", "gq", "cc", "mobi", "name", "eu", "ch", "at", "se", "no", "dk", "fi", "cz", "ro", "gr", "pt", "ie",
			"nz", "za", "mx", "ar", "kr", "tw", "hk", "sg", "my", "vn", "th", "id", "ph", "tr", "ua", "su", "link",
			"click", "fm", "to", "ai", "gg",
			"ltd", "tech", "website", "agency", "vip", "bet", "lol", "icu", "sbs", "cfd", "monster", "quest", "cyou",
			"pics", "loan", "casino", "poker", "buzz", "lat", "pw", "cam", "ir", "pk", "bd", "ng", "ke", "eg", "ae", "cl",
			"ve", "uy", "hu", "sk", "bg", "hr", "rs", "si", "lt", "lv", "ee", "kz", "uz", "lk", "np", "lu",
			// reserved for examples (RFC 2606): how spam is written in documentation and test sets
			"example");

	private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "ac", "gov", "edu");

	private Links() {
	}

	/** The registrable domain of each link in the text, in order, repeats included. */
	static List<String> domains(String text) {
		List<String> found = new ArrayList<>();
		scan(text, found, null);
		return found;
	}

	/**
	 * Finds the links in one pass: the registrable domain of each into {@code domains} and, if given, the full host
	 * name of each into {@code hosts} (same order).
	 */
	static void scan(String text, List<String> found, @Nullable List<String> hosts) {
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i > start && mayBeLink(text, start, i)) {
				String token = text.substring(start, i);
				String domain = domainOf(token);
				if (domain != null) {
					found.add(domain);
					if (hosts != null) {
						String host = hostOf(token);
						hosts.add(host == null || !host.endsWith(domain) ? domain : host);
					}
				}
			}
		}
	}

	/** The host name of a link token (lower case, no scheme, port, path or user), or {@code null}. */
	static @Nullable String hostOf(String token) {
		String t = trimPunctuation(token.toLowerCase(Locale.ROOT));
		int scheme = t.indexOf("://");
		String rest = scheme > 0 ? t.substring(scheme + 3) : t;
		int end = 0;
		while (end < rest.length() && isHostChar(rest.charAt(end))) {
			end++;
		}
		String host = rest.substring(0, end);
		int at = host.lastIndexOf('@');
		host = at >= 0 ? host.substring(at + 1) : host;
		return host.startsWith("www.") ? host.substring(4) : host.isEmpty() ? null : host;
	}

	/** Only a token with a dot between two characters can hold a host name. */
	private static boolean mayBeLink(String text, int from, int to) {
		for (int i = from + 1; i < to - 1; i++) {
			if (text.charAt(i) == '.') {
				return true;
			}
		}
		return false;
	}

	/** The registrable domain if this token is a link, else {@code null}. */
	static @Nullable String domainOf(String token) {
		String t = trimPunctuation(token.toLowerCase(Locale.ROOT));
		int scheme = t.indexOf("://");
		boolean explicit = scheme > 0 || t.startsWith("www.");
		String rest = scheme > 0 ? t.substring(scheme + 3) : t;
		int end = 0;
		while (end < rest.length() && isHostChar(rest.charAt(end))) {
			end++;
		}
		String host = rest.substring(0, end);
		int at = host.lastIndexOf('@');
		if (at >= 0) {
			if (!explicit) {
				return null; // an email address, not a link
			}
			host = host.substring(at + 1);
		}
		String[] labels = host.split("\\.", -1);
		if (labels.length < 2 || !validLabels(labels)) {
			return explicit && !host.isEmpty() ? host : null;
		}
		String tld = labels[labels.length - 1];
		if (!explicit && !TLDS.contains(tld)) {
			return null;
		}
		int keep = (labels.length >= 3 && tld.length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2])) ? 3 : 2;
		return String.join(".", java.util.Arrays.asList(labels).subList(labels.length - keep, labels.length));
	}

	/** Letters, digits, dots, hyphens and {@code @}: a host (with any user part) ends at the first other character. */
	private static boolean isHostChar(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '@' || c == '_';
	}

	private static boolean validLabels(String[] labels) {
		for (String label : labels) {
			if (label.isEmpty() || label.length() > 63) {
				return false;
			}
			for (int i = 0; i < label.length(); i++) {
				char c = label.charAt(i);
				if (!(Character.isLetterOrDigit(c) || c == '-')) {
					return false;
				}
			}
		}
		return true;
	}

	private static String trimPunctuation(String token) {
		int from = 0;
		int to = token.length();
		while (from < to && "([<\"'*".indexOf(token.charAt(from)) >= 0) {
			from++;
		}
		while (to > from && ")]>\"'.,!?;:*".indexOf(token.charAt(to - 1)) >= 0) {
			to--;
		}
		return token.substring(from, to);
	}

}
