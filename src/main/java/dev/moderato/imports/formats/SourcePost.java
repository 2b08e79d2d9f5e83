package dev.moderato.imports.formats;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A post as the source system knows it.
 *
 * @param sourceId the source's id for it (WordPress post id, Disqus thread id, Isso thread uri, …); stable across
 * exports, so a re-import recognises it
 * @param url its public URL, if the source has one: absolute for WordPress, Disqus and Remark42; a path as given for
 * Isso and Commento (their threads are known by path), which the import resolves against the site's first post URL
 * prefix
 * @param title its title, if the source has one
 * @param createdAt when it was published, if known
 * @param commentsClosed whether the source had closed its comments
 */
public record SourcePost(String sourceId, @Nullable String url, @Nullable String title, @Nullable Instant createdAt,
		boolean commentsClosed) {
}
