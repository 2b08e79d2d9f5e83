package dev.moderato.comments;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.moderato.posts.PostId;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a post: the aggregate whose status moves only through guarded, named transitions.
 */
public final class Comment {

	private final CommentId id;

	private final PostId postId;

	private final @Nullable CommentId parentId;

	private final CommentAuthor author;

	private final @Nullable String ipPrefix;

	private final @Nullable String ipHash;

	private final String text;

	private final boolean notifyReplies;

	private final Instant submittedAt;

	private CommentStatus status;

	private double spamScore;

	private List<String> reasons;

	private @Nullable Instant moderatedAt;

	private @Nullable String moderatedBy;

	private int version;

	private @Nullable String avatarId;

	private Comment(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt,
			CommentStatus status, double spamScore, List<String> reasons, @Nullable Instant moderatedAt,
			@Nullable String moderatedBy, int version) {
		this.id = Objects.requireNonNull(id, "id");
		this.postId = Objects.requireNonNull(postId, "postId");
		this.parentId = parentId;
		this.author = Objects.requireNonNull(author, "author");
		this.ipPrefix = ipPrefix;
		this.ipHash = ipHash;
		this.text = Objects.requireNonNull(text, "text");
		this.notifyReplies = notifyReplies;
		this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
		this.status = status;
		this.spamScore = spamScore;
		this.reasons = List.copyOf(reasons);
		this.moderatedAt = moderatedAt;
		this.moderatedBy = moderatedBy;
		this.version = version;
	}

	/** A comment as it arrives: pending, not yet judged. */
	public static Comment submitted(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt) {
		return new Comment(id, postId, parentId, author, ipPrefix, ipHash, text, notifyReplies, submittedAt,
				CommentStatus.PENDING, 0, List.of(), null, null, 0);
	}

	static Comment restore(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt,
			CommentStatus status, double spamScore, List<String> reasons, @Nullable Instant moderatedAt,
			@Nullable String moderatedBy, int version, @Nullable String avatarId) {
		Comment comment = new Comment(id, postId, parentId, author, ipPrefix, ipHash, text, notifyReplies, submittedAt,
				status, spamScore, reasons, moderatedAt, moderatedBy, version);
		comment.avatarId = avatarId;
		return comment;
	}

	/**
	 * The spam filter's first verdict on a pending comment.
	 * @param verdict {@code APPROVED}, {@code HELD} or {@code SPAM}
	 */
	public void judge(CommentStatus verdict, double score, List<String> why, String by, Instant at) {
		if (this.status != CommentStatus.PENDING) {
			throw new IllegalStateException("Comment " + this.id + " was already judged " + this.status.wireValue());
		}
		if (verdict != CommentStatus.APPROVED && verdict != CommentStatus.HELD && verdict != CommentStatus.SPAM) {
			throw new IllegalArgumentException("The spam filter cannot judge a comment " + verdict.wireValue());
		}
		this.status = verdict;
		this.spamScore = score;
		this.reasons = List.copyOf(why);
		this.moderatedBy = by;
		this.moderatedAt = at;
	}

	/** A moderator publishes it. */
	public CommentStatus approve(String by, Instant at) {
		return move(CommentStatus.APPROVED, EnumSet.of(CommentStatus.HELD, CommentStatus.SPAM, CommentStatus.REJECTED), by, at);
	}

	/** A moderator turns it down. */
	public CommentStatus reject(String by, Instant at) {
		return move(CommentStatus.REJECTED, EnumSet.of(CommentStatus.HELD, CommentStatus.APPROVED, CommentStatus.SPAM), by, at);
	}

	/** A moderator marks it spam. */
	public CommentStatus markSpam(String by, Instant at) {
		return move(CommentStatus.SPAM, EnumSet.of(CommentStatus.HELD, CommentStatus.APPROVED, CommentStatus.REJECTED), by, at);
	}

	/** A moderator says the spam filter was wrong: it is restored as published. */
	public CommentStatus markNotSpam(String by, Instant at) {
		return move(CommentStatus.APPROVED, EnumSet.of(CommentStatus.SPAM), by, at);
	}

	private CommentStatus move(CommentStatus to, Set<CommentStatus> from, String by, Instant at) {
		if (!from.contains(this.status)) {
			throw new StatusConflict(this.id, this.status, to);
		}
		CommentStatus previous = this.status;
		this.status = to;
		this.moderatedBy = by;
		this.moderatedAt = at;
		return previous;
	}

	/** The version this state was read at; a change stored against an older version is a conflict. */
	public int version() {
		return this.version;
	}

	/**
	 * The commenter's avatar id as stored (a keyed hash of the email under the avatar key, never the lookup hash);
	 * {@code null} for comments stored before avatars existed or erased since.
	 */
	public @Nullable String avatarId() {
		return this.avatarId;
	}

	public CommentId id() {
		return this.id;
	}

	public PostId postId() {
		return this.postId;
	}

	public @Nullable CommentId parentId() {
		return this.parentId;
	}

	public CommentAuthor author() {
		return this.author;
	}

	public @Nullable String ipPrefix() {
		return this.ipPrefix;
	}

	public @Nullable String ipHash() {
		return this.ipHash;
	}

	public String text() {
		return this.text;
	}

	public boolean notifyReplies() {
		return this.notifyReplies;
	}

	public Instant submittedAt() {
		return this.submittedAt;
	}

	public CommentStatus status() {
		return this.status;
	}

	public double spamScore() {
		return this.spamScore;
	}

	public List<String> reasons() {
		return this.reasons;
	}

	public @Nullable Instant moderatedAt() {
		return this.moderatedAt;
	}

	public @Nullable String moderatedBy() {
		return this.moderatedBy;
	}

	@Override
	public String toString() {
		return "Comment[" + this.id + " on " + this.postId + ", " + this.status.wireValue() + "]";
	}

}
