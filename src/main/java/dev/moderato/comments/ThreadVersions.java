package dev.moderato.comments;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.moderato.posts.PostId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Thread versions as this instance last read them, trusted for {@link CommentsSettings#threadVersionTtl()}: a
 * conditional read ({@code 304}) and a cached page need no query. A change made here is forgotten after its commit,
 * so it is seen at once; one made on another instance within the time to live.
 */
@Component
class ThreadVersions {

	/** Posts whose versions are kept; a hot thread is read far more often than this many posts change. */
	private static final int POSTS = 100_000;

	private final Cache<PostId, Long> versions;

	ThreadVersions(CommentsSettings settings) {
		this.versions = Caffeine.newBuilder().maximumSize(POSTS).expireAfterWrite(settings.threadVersionTtl()).build();
	}

	long version(PostId post, java.util.function.Function<PostId, Long> read) {
		return this.versions.get(post, read);
	}

	/** This post's thread changes in the current transaction: its version is forgotten once that commits. */
	void changing(PostId post) {
		afterCommit(() -> this.versions.invalidate(post));
	}

	/** Threads of posts not known here change in the current transaction: every version is forgotten after commit. */
	void changingSome() {
		afterCommit(this.versions::invalidateAll);
	}

	private static void afterCommit(Runnable forget) {
		forget.run(); // a read in between must not keep the old version until it expires
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}

}
