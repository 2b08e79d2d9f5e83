package dev.moderato.posts;

import java.util.Objects;

import dev.moderato.sites.SiteId;

/**
 * A blog post that takes comments.
 *
 * @param id the blog's id for the post
 * @param siteId the blog it belongs to
 * @param title shown in notifications and on the moderation page
 * @param url the post's public address
 * @param authorName who wrote it
 * @param authorEmail where its notifications go; never shown publicly
 */
public record Post(PostId id, SiteId siteId, String title, String url, String authorName, String authorEmail) {

	public Post {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(siteId, "siteId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(authorName, "authorName");
		Objects.requireNonNull(authorEmail, "authorEmail");
	}

	/** A post of the default site. */
	public Post(PostId id, String title, String url, String authorName, String authorEmail) {
		this(id, SiteId.DEFAULT, title, url, authorName, authorEmail);
	}

}
