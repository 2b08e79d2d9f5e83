package dev.moderato.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentAuthor;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.comments.Comments;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.EmailHash;
import dev.moderato.spam.Assessment;
import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;
import dev.moderato.system.UnreadableRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a submitted comment its first verdict: scores it, stores it with the verdict and reasons, and publishes
 * {@link CommentModerated} in the same transaction (the outbox). Idempotent on the comment id.
 */
@Service
public class SubmissionModeration {

	static final String ENGINE = "engine";

	private static final Logger log = LoggerFactory.getLogger(SubmissionModeration.class);

	private final Comments comments;

	private final Posts posts;

	private final SpamFilter spamFilter;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MeterRegistry meters;

	private final CommenterPolicies policies;

	SubmissionModeration(Comments comments, Posts posts, SpamFilter spamFilter, CommenterPolicies policies,
			ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
		this.policies = policies;
		this.comments = comments;
		this.posts = posts;
		this.spamFilter = spamFilter;
		this.events = events;
		this.clock = clock;
		this.meters = meters;
	}

	@Transactional
	public void moderate(CommentSubmitted submitted) {
		CommentId id = new CommentId(submitted.commentId());
		if (this.comments.exists(id)) {
			log.atInfo().addKeyValue("commentId", id).log("Submission already moderated: redelivery ignored");
			return;
		}
		PostId postId = new PostId(submitted.postId());
		if (!this.posts.exists(postId)) {
			throw new UnreadableRecord("Submission " + id + " names unknown post " + postId);
		}
		EmailHash commenter = new EmailHash(submitted.emailHash());
		Comment comment = Comment.submitted(id, postId,
				submitted.parentId() == null ? null : new CommentId(submitted.parentId()),
				new CommentAuthor(submitted.authorName(), submitted.authorUrl(), submitted.email(), commenter),
				submitted.ipPrefix(), submitted.ipHash(), submitted.text(), submitted.notifyReplies(),
				submitted.submittedAt());
		CommenterHistory history = this.comments.historyOf(commenter);
		Assessment assessment = PolicyOverride.apply(this.spamFilter.assess(Candidate.of(submitted.text(),
				submitted.authorName(), submitted.authorUrl(), submitted.postId(), commenter.value(), history.approved(),
				history.spam())), this.policies.inForce(commenter));
		Instant now = this.clock.instant();
		comment.judge(switch (assessment.verdict()) {
			case APPROVED -> CommentStatus.APPROVED;
			case HELD -> CommentStatus.HELD;
			case SPAM -> CommentStatus.SPAM;
		}, assessment.score(), assessment.reasons(), ENGINE, now);
		if (!this.comments.addOnce(comment)) {
			return; // a concurrent delivery stored it first
		}
		this.events.publishEvent(new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), id.value(),
				postId.value(), submitted.parentId(), comment.status().wireValue(), "pending", comment.spamScore(),
				comment.reasons(), ENGINE, ActorKind.ENGINE.wireValue(), submitted.authorName(), submitted.authorUrl(),
				submitted.text(), now));
		this.meters.counter("moderato.moderation.verdicts", "verdict", comment.status().wireValue(), "actor", ENGINE)
			.increment();
		log.atInfo()
			.addKeyValue("commentId", id)
			.addKeyValue("postId", postId)
			.addKeyValue("verdict", comment.status().wireValue())
			.log("Comment moderated: {}", String.join("; ", assessment.reasons()));
	}

}
