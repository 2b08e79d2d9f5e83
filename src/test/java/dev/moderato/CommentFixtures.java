package dev.moderato;

import java.time.Instant;
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
 * Comments in a known state, stored through the domain's own methods.
 */
public final class CommentFixtures {

	private final Comments comments;

	private final CommenterPrivacy privacy;

	public CommentFixtures(Comments comments, CommenterPrivacy privacy) {
		this.comments = comments;
		this.privacy = privacy;
	}

	/** A published comment by {@code email}: makes its author a returning commenter. */
	public Comment approvedComment(String postId, String name, String email, String text) {
		return stored(postId, null, name, email, text, true);
	}

	/** A published reply. */
	public Comment approvedReply(Comment parent, String name, String email, String text) {
		return stored(parent.postId().value(), parent.id(), name, email, text, true);
	}

	/** A comment a moderator has not seen yet. */
	public Comment heldComment(String postId, String name, String email, String text) {
		return stored(postId, null, name, email, text, false);
	}

	/** A comment a moderator has not seen yet, whose author ticked "notify me of replies". */
	public Comment heldCommentAskingForReplies(String postId, String name, String email, String text) {
		return stored(postId, null, name, email, text, false, true);
	}

	/** A reply a moderator has not seen yet. */
	public Comment heldReply(Comment parent, String name, String email, String text) {
		return stored(parent.postId().value(), parent.id(), name, email, text, false);
	}

	private Comment stored(String postId, @Nullable CommentId parent, String name, String email, String text,
			boolean approved) {
		return stored(postId, parent, name, email, text, approved, false);
	}

	private Comment stored(String postId, @Nullable CommentId parent, String name, String email, String text,
			boolean approved, boolean notifyReplies) {
		Instant now = Instant.now();
		Comment comment = Comment.submitted(CommentId.next(now), new PostId(postId), parent,
				new CommentAuthor(name, null, this.privacy.encrypt(email), this.privacy.hash(email)), "203.0.113.0/24",
				null, text, notifyReplies, now);
		comment.judge(approved ? CommentStatus.APPROVED : CommentStatus.HELD, approved ? 0.01 : 0.5, List.of("fixture"),
				"fixture", now);
		this.comments.addOnce(comment);
		return comment;
	}

}
