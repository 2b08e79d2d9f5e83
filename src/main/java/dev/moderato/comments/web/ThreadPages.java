package dev.moderato.comments.web;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moderato.comments.CommentsSettings;
import dev.moderato.comments.ThreadQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Rendered pages of public threads (the JSON as sent), each kept under the thread version it was read at: a version
 * describes exactly what its thread shows, so a page is never stale under its own version and is never invalidated,
 * only evicted when the memory ({@link CommentsSettings#threadCacheSize()}) is needed for others.
 */
@Component
class ThreadPages {

	private final Cache<Key, Page> pages;

	ThreadPages(CommentsSettings settings) {
		this.pages = Caffeine.newBuilder()
			.maximumWeight(settings.threadCacheSize().toBytes())
			.weigher((Key key, Page page) -> page.json().length + 200)
			.build();
	}

	/** The page at this version if it is kept, else the one {@code read} renders (kept under its own version). */
	Page page(Key key, Supplier<Page> read) {
		Page kept = this.pages.getIfPresent(key);
		if (kept != null) {
			return kept;
		}
		Page page = read.get();
		this.pages.put(key.at(page.version()), page);
		return page;
	}

	/** A page of a thread: which post, at which version, whether it takes comments, and the query. */
	record Key(String postId, long version, boolean open, ThreadQuery.Order order, @Nullable String cursor, int limit) {

		Key at(long version) {
			return new Key(this.postId, version, this.open, this.order, this.cursor, this.limit);
		}

	}

	/** A rendered page and the version it shows. */
	record Page(long version, byte[] json) {
	}

}
