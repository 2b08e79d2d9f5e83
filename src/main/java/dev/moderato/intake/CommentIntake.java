package dev.moderato.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.comments.ReplyTarget;
import dev.moderato.posts.FirstUse;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.IpAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Accepts a submission: checks what it refers to, protects the commenter's identity, and puts it on Kafka.
 */
@Service
public class CommentIntake {

	private static final Logger log = LoggerFactory.getLogger(CommentIntake.class);

	private final Posts posts;

	private final FirstUse firstUse;

	private final Comments comments;

	private final CommenterPrivacy privacy;

	private final SubmissionPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Timer publishTimer;

	/** The submissions by outcome, each counter looked up once rather than once per submission. */
	private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();

	CommentIntake(Posts posts, FirstUse firstUse, Comments comments, CommenterPrivacy privacy, SubmissionPublisher publisher, Clock clock,
			MeterRegistry meters) {
		this.posts = posts;
		this.firstUse = firstUse;
		this.comments = comments;
		this.privacy = privacy;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
		this.publishTimer = Timer.builder("moderato.intake.publish")
			.description("Time to get a submission acknowledged by Kafka")
			.register(meters);
	}

	/**
	 * @return the new comment's id, once Kafka acknowledged it
	 * @throws SubmissionRefused if the post or the parent comment does not allow it
	 * @throws IntakeUnavailable if Kafka did not acknowledge it in time
	 */
	public CommentId submit(Submission submission) {
		return submit(submission, null);
	}

	/**
	 * @param page the page the comment was written on, if the client named it: the post is created on first use if it
	 * does not exist yet and its site allows it
	 * @return the new comment's id, once Kafka acknowledged it
	 * @throws SubmissionRefused if the post or the parent comment does not allow it
	 * @throws IntakeUnavailable if Kafka did not acknowledge it in time
	 */
	public CommentId submit(Submission submission, @Nullable Page page) {
		checkReferences(submission, page);
		Instant now = this.clock.instant();
		CommentId id = CommentId.next(now);
		IpAddress ip = this.privacy.protect(submission.remoteAddress());
		CommentSubmitted event = new CommentSubmitted(CommentSubmitted.VERSION, id.value(), submission.postId().value(),
				submission.parentId() == null ? null : submission.parentId().value(), submission.authorName(),
				submission.authorUrl(), this.privacy.encrypt(submission.authorEmail()),
				this.privacy.hash(submission.authorEmail()).value(), ip.prefix(), ip.hash(), submission.text(),
				submission.notifyReplies(), now, submission.honeypotFilled(), submission.timeToSubmitMs());
		try {
			this.publishTimer.record(() -> this.publisher.publish(event));
		}
		catch (IntakeUnavailable ex) {
			count("unavailable");
			log.atWarn()
				.addKeyValue("commentId", id)
				.addKeyValue("postId", submission.postId())
				.log("Kafka did not acknowledge a submission in time: answered 503 ({})", ex.getCause().toString());
			throw ex;
		}
		count("accepted");
		log.atInfo().addKeyValue("commentId", id).addKeyValue("postId", submission.postId()).log("Comment accepted");
		return id;
	}

	private void checkReferences(Submission submission, @Nullable Page page) {
		if (!this.posts.exists(submission.postId())) {
			if (page == null) {
				count("refused");
				throw new SubmissionRefused(SubmissionRefused.Reason.UNKNOWN_POST,
						"No post with id '" + submission.postId() + "' is registered.");
			}
			createOnFirstUse(submission, page);
		}
		if (!this.posts.commentsOpen(submission.postId())) {
			count("refused");
			throw new SubmissionRefused(SubmissionRefused.Reason.COMMENTS_CLOSED,
					"Comments on this post are closed.");
		}
		if (submission.parentId() != null) {
			ReplyTarget target = replyTarget(submission);
			SubmissionRefused.Reason refusal = switch (target) {
				case OPEN -> null;
				case UNKNOWN -> SubmissionRefused.Reason.UNKNOWN_PARENT;
				case OTHER_POST -> SubmissionRefused.Reason.PARENT_ON_OTHER_POST;
				case NOT_PUBLISHED -> SubmissionRefused.Reason.PARENT_NOT_PUBLISHED;
			};
			if (refusal != null) {
				count("refused");
				throw new SubmissionRefused(refusal, switch (refusal) {
					case UNKNOWN_PARENT -> "No comment with id " + submission.parentId() + " exists.";
					case PARENT_ON_OTHER_POST -> "Comment " + submission.parentId() + " belongs to another post.";
					default -> "Comment " + submission.parentId() + " is not published, so it cannot be replied to.";
				});
			}
		}
	}

	private void createOnFirstUse(Submission submission, Page page) {
		try {
			this.firstUse.create(submission.postId(), page.url(), page.title(), page.origin());
		}
		catch (FirstUse.NotCreated ex) {
			count("refused");
			throw new SubmissionRefused(ex.reason() == FirstUse.NotCreated.Reason.NO_AUTHOR
					? SubmissionRefused.Reason.SITE_WITHOUT_AUTHOR : SubmissionRefused.Reason.UNKNOWN_POST,
					ex.getMessage());
		}
	}

	/**
	 * The page a comment was written on, as its client named it.
	 *
	 * @param url the page's canonical URL ({@code postUrl})
	 * @param title the page's title ({@code postTitle}), if given
	 * @param origin the request's {@code Origin} header, if it had one
	 */
	public record Page(String url, @Nullable String title, @Nullable String origin) {
	}

	/**
	 * Where a reply goes. If the database cannot be reached the reply is let through rather than refused: the
	 * moderation consumer checks the parent again when it stores the comment (and stores it without the parent if it
	 * may not reply to it), so an outage costs no submissions.
	 */
	private ReplyTarget replyTarget(Submission submission) {
		try {
			return this.comments.replyTarget(submission.postId(), submission.parentId());
		}
		catch (TransientDataAccessException | NonTransientDataAccessResourceException | RecoverableDataAccessException
				| CannotCreateTransactionException | TransactionSystemException ex) {
			// TransactionSystemException: the connection broke mid-query, so the rollback after it failed too
			log.atWarn()
				.addKeyValue("postId", submission.postId())
				.addKeyValue("parentId", submission.parentId())
				.log("Database unreachable: the reply's parent is left for the moderation consumer to check ({})",
						ex.getClass().getSimpleName());
			return ReplyTarget.OPEN;
		}
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, o -> this.meters.counter("moderato.intake.submissions", "outcome", o))
			.increment();
	}

}
