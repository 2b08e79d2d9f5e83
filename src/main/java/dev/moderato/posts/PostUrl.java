package dev.moderato.posts;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

import dev.moderato.sites.SiteId;

/**
 * A page's canonical URL as posts are found by it, and the id a post created on first use gets from it.
 * <p>
 * Normalised: scheme and host in lower case, the default port dropped, the query and the fragment dropped, an empty
 * path written {@code /}; the path is kept as given (paths are case-sensitive, and {@code /a} and {@code /a/} may be
 * different pages). The id is {@code <siteId>-<16 characters>}: the first 80 bits of the SHA-256 of the normalised
 * URL in lower-case RFC 4648 base32, so the same page of the same site always gets the same id, on any instance.
 */
public final class PostUrl {

	/** The longest URL a post may have (the {@code post.url} column). */
	public static final int MAX_LENGTH = 2000;

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private PostUrl() {
	}

	/** The normalised form of an absolute http(s) URL without user info, or empty if it is not one. */
	public static Optional<String> normalise(String url) {
		if (url == null || url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url);
			if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getHost() == null
					|| uri.getRawUserInfo() != null) {
				return Optional.empty();
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Optional.empty();
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
					|| (scheme.equals("https") && port == 443);
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
					+ path);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/** The id of the post a site's page gets when it is created on first use. */
	public static PostId derivedId(SiteId site, String normalisedUrl) {
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256").digest(normalisedUrl.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
		StringBuilder id = new StringBuilder(site.value()).append('-');
		// 16 characters of 5 bits: the first 10 bytes, 40 bits at a time
		for (int group = 0; group < 2; group++) {
			long bits = 0;
			for (int i = 0; i < 5; i++) {
				bits = (bits << 8) | (hash[group * 5 + i] & 0xff);
			}
			for (int shift = 35; shift >= 0; shift -= 5) {
				id.append(BASE32[(int) ((bits >>> shift) & 31)]);
			}
		}
		return new PostId(id.toString());
	}

}
