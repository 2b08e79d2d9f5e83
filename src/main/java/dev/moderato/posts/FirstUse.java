package dev.moderato.posts;

import java.util.Optional;

import dev.moderato.sites.Site;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Posts found by their page's URL, and created on the first comment under a site that allows it.
 * <p>
 * A page maps to the post stored with its normalised URL ({@link PostUrl}) if there is one (registered by hand or
 * created before); else, if the URL is under the prefixes of a site with {@code createPostsOnFirstUse} and its origin
 * is one of that site's origins, to the post it will get, whose id is derived from site and URL.
 */
@Service
public class FirstUse {

	private static final Logger log = LoggerFactory.getLogger(FirstUse.class);

	/** The longest title a post may have (the {@code post.title} column). */
	static final int MAX_TITLE = 300;

	private final Posts posts;

	private final Sites sites;

	FirstUse(Posts posts, Sites sites) {
		this.posts = posts;
		this.sites = sites;
	}

	/** What a page's URL maps to, if anything; empty for a URL that is not an absolute http(s) URL. */
	public Optional<Page> page(String url) {
		Optional<String> normal = PostUrl.normalise(url);
		if (normal.isEmpty()) {
			return Optional.empty();
		}
		Optional<PostStatus> stored = this.posts.findByUrl(normal.get());
		if (stored.isPresent()) {
			Post post = stored.get().post();
			return Optional.of(new Page(post.id(), post.siteId(), post.title(), post.url(), true,
					stored.get().commentsOpen()));
		}
		return creatableUnder(normal.get())
			.map(site -> new Page(PostUrl.derivedId(site.id(), normal.get()), site.id(), title(null, normal.get()),
					normal.get(), false, true));
	}

	/**
	 * Creates the post of a page on its first comment, or finds the one a concurrent first comment created.
	 * @param id the id the client asked for: must be the id derived from the page's URL
	 * @param url the page's canonical URL
	 * @param title the page's title; blank: the URL's path
	 * @param origin the request's {@code Origin}, if it had one: must be one of the site's origins
	 * @throws NotCreated if the page is not one the post may be created for
	 */
	public Post create(PostId id, String url, @Nullable String title, @Nullable String origin) {
		String normal = PostUrl.normalise(url).orElseThrow(() -> new NotCreated(NotCreated.Reason.NO_SITE,
				"The post URL is not an absolute http or https URL."));
		Site site = creatableUnder(normal).orElseThrow(() -> new NotCreated(NotCreated.Reason.NO_SITE,
				"No site takes comments for this page."));
		if (origin != null && !site.allowsOrigin(origin)) {
			throw new NotCreated(NotCreated.Reason.NO_SITE, "This page's site does not take comments from that origin.");
		}
		if (!PostUrl.derivedId(site.id(), normal).equals(id)) {
			throw new NotCreated(NotCreated.Reason.NO_SITE, "No post with id '" + id + "' is registered for this page.");
		}
		if (isBlank(site.authorName()) || isBlank(site.authorEmail())) {
			throw new NotCreated(NotCreated.Reason.NO_AUTHOR, "The site '" + site.id()
					+ "' creates posts on first use but names no author to notify: an admin must set its authorName and authorEmail.");
		}
		Post post = new Post(id, site.id(), title(title, normal), normal, site.authorName(), site.authorEmail());
		if (this.posts.createIfAbsent(post)) {
			log.atInfo().addKeyValue("postId", id).addKeyValue("siteId", site.id()).log("Post created on first use");
		}
		return post;
	}

	/** The site with first use whose prefixes the (normalised) URL is under and whose origins include the URL's. */
	private Optional<Site> creatableUnder(String normal) {
		return this.sites.siteOf(normal)
			.filter(Site::createPostsOnFirstUse)
			.filter(site -> Site.originOf(normal).filter(site::allowsOrigin).isPresent());
	}

	/** The page's title without control characters, at most 300 characters; the URL's path if none is left. */
	static String title(@Nullable String given, String normalUrl) {
		String clean = given == null ? ""
				: given.replaceAll("[\\p{Cntrl}&&[^\\t\\n\\r\\f]]", "").replaceAll("[\\s\\p{Zl}\\p{Zp}]+", " ").strip();
		if (clean.isEmpty()) {
			int path = normalUrl.indexOf('/', normalUrl.indexOf("://") + 3);
			clean = path < 0 ? "/" : normalUrl.substring(path);
		}
		if (clean.codePointCount(0, clean.length()) > MAX_TITLE) {
			clean = clean.substring(0, clean.offsetByCodePoints(0, MAX_TITLE)).strip();
		}
		return clean;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/**
	 * Where a page's comments go.
	 *
	 * @param id the post's id (derived, if it does not exist yet)
	 * @param exists whether the post is stored; if not, it is created on the first comment
	 * @param commentsOpen whether it takes comments
	 */
	public record Page(PostId id, SiteId siteId, String title, String url, boolean exists, boolean commentsOpen) {
	}

	/** A post that may not be created on first use. */
	public static class NotCreated extends RuntimeException {

		/** Why not. */
		public enum Reason {

			/** No site takes comments for the page from there, or the id is not the page's. */
			NO_SITE,
			/** The site names no author to notify. */
			NO_AUTHOR

		}

		private final Reason reason;

		NotCreated(Reason reason, String message) {
			super(message);
			this.reason = reason;
		}

		public Reason reason() {
			return this.reason;
		}

	}

}
