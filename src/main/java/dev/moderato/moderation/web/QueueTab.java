package dev.moderato.moderation.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.CommentStatus;
import dev.moderato.moderation.ModerationQueues.Queue;
import dev.moderato.posts.PostId;
import org.jspecify.annotations.Nullable;

/**
 * A queue as a tab of the moderation page: its name, label and how many comments it holds.
 */
record QueueTab(String name, String label, long count, boolean current, String href) {

	static List<QueueTab> all(Map<CommentStatus, Long> counts, Queue current, @Nullable PostId post) {
		Map<String, Long> byName = counts(counts);
		return Arrays.stream(Queue.values())
			.map(queue -> new QueueTab(name(queue), label(queue), byName.get(name(queue)), queue == current,
					ModerationPage.link(queue, post).toUriString()))
			.toList();
	}

	/** Comments per queue name ({@code held}, {@code spam}, {@code approved}, {@code rejected}, {@code all}). */
	static Map<String, Long> counts(Map<CommentStatus, Long> counts) {
		Map<String, Long> out = new LinkedHashMap<>();
		long all = 0;
		for (Queue queue : Queue.values()) {
			if (queue != Queue.ALL) {
				long n = counts.getOrDefault(CommentStatus.valueOf(queue.name()), 0L);
				out.put(name(queue), n);
				all += n;
			}
		}
		out.put(name(Queue.ALL), all);
		return out;
	}

	/** What the tabs count: the caller's posts, or only the one the page is narrowed to. */
	static ModeratorScope counted(ModeratorScope scope, @Nullable PostId post) {
		if (post == null) {
			return scope;
		}
		return new ModeratorScope(scope.actor(), scope.admin(), scope.mayModerate(post) ? Set.of(post) : Set.of());
	}

	static String name(Queue queue) {
		return queue.name().toLowerCase(Locale.ROOT);
	}

	private static String label(Queue queue) {
		return switch (queue) {
			case HELD -> "Held";
			case SPAM -> "Spam";
			case APPROVED -> "Approved";
			case REJECTED -> "Rejected";
			case ALL -> "All";
		};
	}

}
