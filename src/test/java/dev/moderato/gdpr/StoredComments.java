package dev.moderato.gdpr;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentAuthor;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import org.jspecify.annotations.Nullable;

/**
 * Comments stored as they would have been at a given moment, in a given state, through the domain's own methods.
 */
final class StoredComments {

	private final Comments comments;

	private final CommenterPrivacy privacy;

	private final List<CommentId> created = new ArrayList<>();

	StoredComments(Comments comments, CommenterPrivacy privacy) {
		this.comments = comments;
		this.privacy = privacy;
	}

	Comment held(String post, String email, Instant at) {
		return store(post, null, email, at, CommentStatus.HELD, at);
	}

	Comment spam(String post, String email, Instant at) {
		return store(post, null, email, at, CommentStatus.SPAM, at);
	}

	Comment approved(String post, String email, Instant at) {
		return store(post, null, email, at, CommentStatus.APPROVED, at);
	}

	Comment approvedReply(Comment parent, String email, Instant at) {
		return store(parent.postId().value(), parent.id(), email, at, CommentStatus.APPROVED, at);
	}

	/** Submitted and held at {@code at}, rejected by a moderator at {@code decidedAt}. */
	Comment rejected(String post, String email, Instant at, Instant decidedAt) {
		return store(post, null, email, at, CommentStatus.REJECTED, decidedAt);
	}

	/** Submitted and approved at {@code at}, marked spam by a moderator at {@code decidedAt}. */
	Comment markedSpam(String post, String email, Instant at, Instant decidedAt) {
		return store(post, null, email, at, CommentStatus.SPAM, decidedAt);
	}

	/** Deletes what this fixture stored, so that old comments do not head other tests' queues. */
	void deleteAll() {
		this.created.forEach(this.comments::delete);
		this.created.clear();
	}

	private Comment store(String post, @Nullable CommentId parent, String email, Instant at, CommentStatus status,
			Instant decidedAt) {
		Comment comment = Comment.submitted(CommentId.next(at), new PostId(post), parent,
				new CommentAuthor("Sam", "https://sam.example", this.privacy.encrypt(email), this.privacy.hash(email)),
				"198.51.100.0/24", this.privacy.protect("198.51.100.7").hash(), "Text from " + at, false, at);
		if (status == CommentStatus.REJECTED) {
			comment.judge(CommentStatus.HELD, 0.5, List.of("fixture"), "fixture", at);
			comment.reject("moderator", decidedAt);
		}
		else if (status == CommentStatus.SPAM && !decidedAt.equals(at)) {
			comment.judge(CommentStatus.APPROVED, 0.1, List.of("fixture"), "fixture", at);
			comment.markSpam("moderator", decidedAt);
		}
		else {
			comment.judge(status, 0.5, List.of("fixture"), "fixture", at);
		}
		this.comments.addOnce(comment);
		this.created.add(comment.id());
		return comment;
	}

}
