package dev.moderato.imports.formats;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A post as the source system knows it.
 *
 * @param sourceId the source's id for it (WordPress post id, Disqus thread id, Isso thread uri, …); stable across
 * exports, so a re-import recognises it
 * @param url its absolute public URL, if the source has one
 * @param title its title, if the source has one
 * @param createdAt when it was published, if known
 * @param commentsClosed whether the source had closed its comments
 */
public record SourcePost(String sourceId, @Nullable String url, @Nullable String title, @Nullable Instant createdAt,
		boolean commentsClosed) {
}
