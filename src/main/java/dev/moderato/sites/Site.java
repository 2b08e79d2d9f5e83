package dev.moderato.sites;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A blog that takes comments through Moderato.
 *
 * @param id the admin's id for it
 * @param name shown to moderators
 * @param origins where its pages are served from ({@code https://blog.example}): the browsers allowed to call the
 * public API and to post its plain HTML form
 * @param postUrlPrefixes the absolute URL prefixes its posts live under; a post created on first use must be under one
 * @param authorName the default author of its posts, for notifications
 * @param authorEmail where the default author's notifications go; never shown publicly
 * @param createPostsOnFirstUse whether a comment on an unknown page under its prefixes creates the post, or posts must
 * be registered by an admin first
 * @param closeAfterDays comments close this many days after a post was created, or never if {@code null}
 */
public record Site(SiteId id, String name, List<String> origins, List<String> postUrlPrefixes,
		@Nullable String authorName, @Nullable String authorEmail, boolean createPostsOnFirstUse,
		@Nullable Integer closeAfterDays) {

	public Site {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		origins = List.copyOf(origins);
		postUrlPrefixes = List.copyOf(postUrlPrefixes);
	}

	/** Whether a browser page served from this origin ({@code scheme://host[:port]}) belongs to the site. */
	public boolean allowsOrigin(@Nullable String origin) {
		return origin != null && this.origins.contains(origin.toLowerCase(Locale.ROOT));
	}

	/** The longest of the site's prefixes the URL is under, if any. */
	public Optional<String> prefixOf(String url) {
		return this.postUrlPrefixes.stream().filter(url::startsWith).max((a, b) -> a.length() - b.length());
	}

	/** The origin ({@code scheme://host[:port]}, lower case) of an absolute http(s) URL. */
	public static Optional<String> originOf(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return Optional.empty();
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Optional.empty();
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
					|| (scheme.equals("https") && port == 443);
			return Optional
				.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
