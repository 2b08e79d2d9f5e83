package dev.moderato.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentAuthor;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.CommenterHistory;
import dev.moderato.comments.Comments;
import dev.moderato.comments.ReplyTarget;
import dev.moderato.comments.SubmissionFacts;
import dev.moderato.intake.CommentSubmitted;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.IpAddress;
import dev.moderato.spam.Assessment;
import dev.moderato.spam.Candidate;
import dev.moderato.spam.SpamFilter;
import dev.moderato.spam.SpamSettings;
import dev.moderato.spam.TextFingerprint;
import dev.moderato.system.UnreadableRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
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

	/** How far back the same text on other posts counts as a repeat. */
	private static final Duration DUPLICATE_WINDOW = Duration.ofDays(7);

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

	/** What to ask the stored comments about a submission. */
	private SubmissionFacts.Question question(CommentSubmitted submitted, long fingerprint) {
		SpamSettings spam = this.spamFilter.settings();
		String network = submitted.ipPrefix();
		return new SubmissionFacts.Question(new CommentId(submitted.commentId()), new PostId(submitted.postId()),
				submitted.parentId() == null ? null : new CommentId(submitted.parentId()),
				new EmailHash(submitted.emailHash()),
				// a proxy's own network (forwarded headers not set up) would lump every commenter together
				network == null || IpAddress.isPrivateNetwork(network) ? null : network,
				submitted.submittedAt().minus(spam.velocityWindow()), fingerprint,
				submitted.submittedAt().minus(DUPLICATE_WINDOW), TextFingerprint.NEAR_DUPLICATE_BITS);
	}

	/** What the spam filter needs, with the facts only the database knows: history, velocity and near-duplicates. */
	private Candidate candidate(CommentSubmitted submitted, SubmissionFacts facts) {
		CommenterHistory history = facts.history();
		return new Candidate(submitted.text(), submitted.authorName(), submitted.authorUrl(), submitted.postId(),
				submitted.emailHash(), history.approved(), history.spam(), submitted.ipPrefix(), submitted.honeypotFilled(),
				submitted.timeToSubmitMs() == null ? null : Duration.ofMillis(submitted.timeToSubmitMs()),
				facts.recentFromCommenter(), facts.recentFromNetwork(), facts.nearDuplicatesElsewhere());
	}

	/**
	 * The parent a reply is stored under. Intake checks it, but lets a reply through unchecked while the database is
	 * unreachable; a parent it may not reply to (unknown, on another post, not published) is dropped here and the
	 * reply stored as a top-level comment, as intake would have refused it.
	 */
	private @Nullable CommentId parentOf(CommentSubmitted submitted, SubmissionFacts facts) {
		if (submitted.parentId() == null) {
			return null;
		}
		CommentId parent = new CommentId(submitted.parentId());
		ReplyTarget target = facts.parent();
		if (target == ReplyTarget.OPEN) {
			return parent;
		}
		log.atWarn()
			.addKeyValue("commentId", submitted.commentId())
			.addKeyValue("parentId", parent)
			.log("Reply stored as a top-level comment: its parent is {}", target);
		return null;
	}

	@Transactional
	public void moderate(CommentSubmitted submitted) {
		moderateAll(List.of(submitted), RecordTrace.NONE);
	}

	@Transactional
	public void moderate(CommentSubmitted submitted, RecordTrace traces) {
		moderateAll(List.of(submitted), traces);
	}

	@Transactional
	public void moderateAll(List<CommentSubmitted> batch) {
		moderateAll(batch, RecordTrace.NONE);
	}

	/**
	 * Judges a batch of submissions (a poll's records) in one transaction: their stored facts in one statement, each
	 * verdict in order (counting the ones judged before it in the batch, as if they were stored), the comments in one
	 * JDBC batch, a {@link CommentModerated} outbox event for each comment stored. A submission already stored (a
	 * redelivery) or twice in the batch is skipped. An exception fails the whole batch, and nothing of it is stored.
	 * Each verdict is logged and announced inside the trace its submission came with.
	 */
	@Transactional
	public void moderateAll(List<CommentSubmitted> batch, RecordTrace traces) {
		if (batch.isEmpty()) {
			return;
		}
		List<Long> fingerprints = batch.stream().map(s -> TextFingerprint.of(s.text())).toList();
		List<SubmissionFacts.Question> questions = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			questions.add(question(batch.get(i), fingerprints.get(i)));
		}
		List<SubmissionFacts> stored = this.comments.factsAbout(questions);
		Map<PostId, Post> posts = new HashMap<>();
		Map<EmailHash, Optional<CommenterPolicies.Kind>> policies = new HashMap<>();
		EarlierInBatch earlier = new EarlierInBatch();
		List<Comments.Judged> judged = new ArrayList<>(batch.size());
		List<Judgement> judgements = new ArrayList<>(batch.size());
		Instant now = this.clock.instant();
		for (int i = 0; i < batch.size(); i++) {
			CommentSubmitted submitted = batch.get(i);
			SubmissionFacts.Question question = questions.get(i);
			if (stored.get(i).alreadyStored() || earlier.judgedAlready(question)) {
				try (RecordTrace.Scope trace = traces.enter(submitted.commentId())) {
					log.atInfo()
						.addKeyValue("commentId", submitted.commentId())
						.log("Submission already moderated: redelivery ignored");
				}
				continue;
			}
			SubmissionFacts facts = earlier.add(stored.get(i), question);
			PostId postId = question.post();
			Post post = posts.computeIfAbsent(postId, p -> this.posts.find(p)
				.orElseThrow(() -> new UnreadableRecord(
						"Submission " + submitted.commentId() + " names unknown post " + p)));
			EmailHash commenter = question.commenter();
			CommentId parent = parentOf(submitted, facts);
			Comment comment = Comment.submitted(question.comment(), postId, parent,
					new CommentAuthor(submitted.authorName(), submitted.authorUrl(), submitted.email(), commenter),
					submitted.ipPrefix(), submitted.ipHash(), submitted.text(), submitted.notifyReplies(),
					submitted.submittedAt());
			// the post's title lets the engine see whether the comment engages with the post
			Assessment assessment = PolicyOverride.apply(
					this.spamFilter.assess(candidate(submitted, facts).onPost(post.title(), post.url())
						.onSite(post.siteId().value())),
					policies.computeIfAbsent(commenter, this.policies::inForce));
			comment.judge(switch (assessment.verdict()) {
				case APPROVED -> CommentStatus.APPROVED;
				case HELD -> CommentStatus.HELD;
				case SPAM -> CommentStatus.SPAM;
			}, assessment.score(), assessment.reasons(), ENGINE, now);
			earlier.judged(new EarlierInBatch.Judged(question, submitted.ipPrefix(), submitted.submittedAt(),
					comment.status()));
			judged.add(new Comments.Judged(comment, fingerprints.get(i)));
			judgements.add(new Judgement(submitted, comment, assessment));
		}
		boolean[] added = this.comments.addAllOnce(judged);
		for (int i = 0; i < added.length; i++) {
			if (added[i]) { // else a concurrent delivery stored it first
				try (RecordTrace.Scope trace = traces.enter(judgements.get(i).submitted().commentId())) {
					published(judgements.get(i), now);
				}
			}
		}
	}

	/** A verdict reached in a batch, waiting for its comment to be stored. */
	private record Judgement(CommentSubmitted submitted, Comment comment, Assessment assessment) {
	}

	private void published(Judgement judgement, Instant now) {
		CommentSubmitted submitted = judgement.submitted();
		Comment comment = judgement.comment();
		CommentId parent = comment.parentId();
		this.events.publishEvent(new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), comment.id().value(),
				comment.postId().value(), parent == null ? null : parent.value(), comment.status().wireValue(), "pending",
				comment.spamScore(), comment.reasons(), ENGINE, ActorKind.ENGINE.wireValue(), submitted.authorName(),
				submitted.authorUrl(), submitted.text(), now));
		this.meters.counter("moderato.moderation.verdicts", "verdict", comment.status().wireValue(), "actor", ENGINE)
			.increment();
		log.atInfo()
			.addKeyValue("commentId", comment.id())
			.addKeyValue("postId", comment.postId())
			.addKeyValue("verdict", comment.status().wireValue())
			.log("Comment moderated: {}", String.join("; ", judgement.assessment().reasons()));
	}

}
