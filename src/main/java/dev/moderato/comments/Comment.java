package dev.moderato.comments;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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

	private Comment(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt,
			CommentStatus status, double spamScore, List<String> reasons, @Nullable Instant moderatedAt,
			@Nullable String moderatedBy) {
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
	}

	/** A comment as it arrives: pending, not yet judged. */
	public static Comment submitted(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt) {
		return new Comment(id, postId, parentId, author, ipPrefix, ipHash, text, notifyReplies, submittedAt,
				CommentStatus.PENDING, 0, List.of(), null, null);
	}

	static Comment restore(CommentId id, PostId postId, @Nullable CommentId parentId, CommentAuthor author,
			@Nullable String ipPrefix, @Nullable String ipHash, String text, boolean notifyReplies, Instant submittedAt,
			CommentStatus status, double spamScore, List<String> reasons, @Nullable Instant moderatedAt,
			@Nullable String moderatedBy) {
		return new Comment(id, postId, parentId, author, ipPrefix, ipHash, text, notifyReplies, submittedAt, status,
				spamScore, reasons, moderatedAt, moderatedBy);
	}

	/** The spam filter publishes it. */
	public void approve(double score, List<String> reasons, String by, Instant at) {
		judge(CommentStatus.APPROVED, score, reasons, by, at);
	}

	/** The spam filter holds it for a moderator. */
	public void hold(double score, List<String> reasons, String by, Instant at) {
		judge(CommentStatus.HELD, score, reasons, by, at);
	}

	/** The spam filter judges it spam. */
	public void markSpam(double score, List<String> reasons, String by, Instant at) {
		judge(CommentStatus.SPAM, score, reasons, by, at);
	}

	private void judge(CommentStatus verdict, double score, List<String> why, String by, Instant at) {
		if (this.status != CommentStatus.PENDING) {
			throw new IllegalStateException("Comment " + this.id + " was already judged " + this.status.wireValue());
		}
		this.status = verdict;
		this.spamScore = score;
		this.reasons = List.copyOf(why);
		this.moderatedBy = by;
		this.moderatedAt = at;
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
