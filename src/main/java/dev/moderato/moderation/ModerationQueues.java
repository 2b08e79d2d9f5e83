package dev.moderato.moderation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.moderato.accounts.ModeratorScope;
import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentPage;
import dev.moderato.comments.CommentQuery;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.comments.Comments;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queues as a moderator sees them: each comment with what is needed to decide, including the commenter's
 * email (moderators only) and history.
 */
@Service
public class ModerationQueues {

	private final Comments comments;

	private final Posts posts;

	private final CommenterPrivacy privacy;

	private final CommenterPolicies policies;

	ModerationQueues(Comments comments, Posts posts, CommenterPrivacy privacy, CommenterPolicies policies) {
		this.comments = comments;
		this.posts = posts;
		this.privacy = privacy;
		this.policies = policies;
	}

	/** A queue by name. */
	public enum Queue {

		HELD(EnumSet.of(CommentStatus.HELD)), SPAM(EnumSet.of(CommentStatus.SPAM)),
		APPROVED(EnumSet.of(CommentStatus.APPROVED)), REJECTED(EnumSet.of(CommentStatus.REJECTED)),
		ALL(EnumSet.of(CommentStatus.HELD, CommentStatus.SPAM, CommentStatus.APPROVED, CommentStatus.REJECTED));

		final Set<CommentStatus> statuses;

		Queue(Set<CommentStatus> statuses) {
			this.statuses = statuses;
		}

		public static Optional<Queue> parse(String name) {
			for (Queue queue : values()) {
				if (queue.name().equalsIgnoreCase(name)) {
					return Optional.of(queue);
				}
			}
			return Optional.empty();
		}

	}

	/** A comment as a moderator reviews it. */
	public record Item(Comment comment, @Nullable Post post, String authorEmail, CommenterHistory history,
			CommenterPolicies.@Nullable Kind policy, @Nullable Comment parent) {
	}

	/** A page of items. */
	public record ItemPage(List<Item> items, CommentQuery.@Nullable Cursor next) {
	}

	@Transactional(readOnly = true)
	public ItemPage page(Queue queue, ModeratorScope scope, @Nullable PostId post, @Nullable EmailHash commenter,
			@Nullable String text, CommentQuery.Order order, CommentQuery.@Nullable Cursor after, int limit) {
		Set<PostId> posts = scope.posts();
		if (post != null) {
			posts = scope.mayModerate(post) ? Set.of(post) : Set.of();
		}
		CommentPage page = this.comments.query(new CommentQuery(queue.statuses, posts, commenter, text, order, after, limit));
		Map<PostId, Optional<Post>> postCache = new HashMap<>();
		return new ItemPage(page.items().stream().map(c -> item(c, postCache)).toList(), page.next());
	}

	/** One comment, if it exists and the scope may see it. */
	@Transactional(readOnly = true)
	public Optional<Item> one(CommentId id, ModeratorScope scope) {
		return this.comments.find(id).filter(c -> scope.mayModerate(c.postId())).map(c -> item(c, new HashMap<>()));
	}

	@Transactional(readOnly = true)
	public Map<CommentStatus, Long> counts(ModeratorScope scope) {
		return this.comments.counts(scope.posts());
	}

	@Transactional(readOnly = true)
	public Optional<Instant> oldestHeldAt() {
		return this.comments.oldestHeldAt();
	}

	private Item item(Comment comment, Map<PostId, Optional<Post>> postCache) {
		Post post = postCache.computeIfAbsent(comment.postId(), this.posts::find).orElse(null);
		Comment parent = comment.parentId() == null ? null : this.comments.find(comment.parentId()).orElse(null);
		return new Item(comment, post, this.privacy.decrypt(comment.author().email()),
				this.comments.historyOf(comment.author().emailHash()),
				this.policies.inForce(comment.author().emailHash()).orElse(null), parent);
	}

}
