package dev.moderato.comments;

import java.util.List;
import java.util.Optional;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.EmailHash;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments API other modules use: store a judged comment, look comments up, read a post's thread.
 */
@Service
public class Comments {

	private final CommentRepository repository;

	Comments(CommentRepository repository) {
		this.repository = repository;
	}

	/**
	 * Stores a comment once: a second call with the same id changes nothing.
	 * @return whether this call stored it
	 */
	@Transactional
	public boolean addOnce(Comment comment) {
		if (comment.status() == CommentStatus.PENDING) {
			throw new IllegalArgumentException("Only judged comments are stored; " + comment.id() + " is pending");
		}
		return this.repository.insertIfAbsent(comment);
	}

	@Transactional(readOnly = true)
	public Optional<Comment> find(CommentId id) {
		return this.repository.find(id);
	}

	@Transactional(readOnly = true)
	public boolean exists(CommentId id) {
		return this.repository.find(id).isPresent();
	}

	/** Whether a new comment on {@code post} may reply to {@code parent}. */
	@Transactional(readOnly = true)
	public ReplyTarget replyTarget(PostId post, CommentId parent) {
		return this.repository.find(parent).map(found -> {
			if (!found.postId().equals(post)) {
				return ReplyTarget.OTHER_POST;
			}
			return found.status() == CommentStatus.APPROVED ? ReplyTarget.OPEN : ReplyTarget.NOT_PUBLISHED;
		}).orElse(ReplyTarget.UNKNOWN);
	}

	@Transactional(readOnly = true)
	public CommenterHistory historyOf(EmailHash commenter) {
		return this.repository.history(commenter);
	}

	/** A post's published comments, oldest first. */
	@Transactional(readOnly = true)
	public List<Comment> published(PostId post) {
		return this.repository.findByPostAndStatus(post, CommentStatus.APPROVED);
	}

}
