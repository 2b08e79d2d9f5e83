package dev.moderato.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a submitted comment its first verdict: scores it, stores it with the verdict and reasons, and returns the
 * {@link CommentModerated} its caller announces once that is committed. Idempotent on the comment id.
 */
@Service
public class SubmissionModeration {

	static final String ENGINE = "engine";

	private static final Logger log = LoggerFactory.getLogger(SubmissionModeration.class);

	private final Comments comments;

	private final Posts posts;

	private final SpamFilter spamFilter;

	private final Clock clock;

	/** The engine's verdicts by status, the counters registered once rather than looked up per verdict. */
	private final Map<CommentStatus, Counter> verdicts = new EnumMap<>(CommentStatus.class);

	private final CommenterPolicies policies;

	SubmissionModeration(Comments comments, Posts posts, SpamFilter spamFilter, CommenterPolicies policies,
			Clock clock, MeterRegistry meters) {
		this.policies = policies;
		this.comments = comments;
		this.posts = posts;
		this.spamFilter = spamFilter;
		this.clock = clock;
		for (CommentStatus status : List.of(CommentStatus.APPROVED, CommentStatus.HELD, CommentStatus.SPAM)) {
			this.verdicts.put(status, meters.counter("moderato.moderation.verdicts", "verdict", status.wireValue(),
					"actor", ENGINE));
		}
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
				submitted.submittedAt().minus(TextFingerprint.NEAR_DUPLICATE_WINDOW), TextFingerprint.NEAR_DUPLICATE_BITS);
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

	/** One submission, as {@link #moderateAll} judges a batch. */
	@Transactional
	public List<Announcement> moderate(CommentSubmitted submitted, RecordTrace traces) {
		return moderateAll(List.of(submitted), traces);
	}

	/**
	 * Judges a batch of submissions (a poll's records) in one transaction: their stored facts in one statement, each
	 * verdict in order (counting the ones judged before it in the batch, as if they were stored), the comments in one
	 * JDBC batch. An exception fails the whole batch, and nothing of it is stored. Each verdict is logged inside the
	 * trace its submission came with.
	 * <p>
	 * The verdicts are not announced here: the caller sends the returned {@link CommentModerated} events once this has
	 * committed, and only then lets the submissions' offsets be committed. The submission record is the outbox: a
	 * verdict stored but not announced (a crash, Kafka away) means its submission comes again, and a submission
	 * already stored returns the engine's stored verdict again (as stored: an erasure since is kept), under the same
	 * event id (consumers are idempotent on
	 * it). One a moderator has decided since is not announced again: the decision was, through the outbox.
	 * @return what to announce, in batch order, with each submission's index in the batch
	 */
	@Transactional
	public List<Announcement> moderateAll(List<CommentSubmitted> batch, RecordTrace traces) {
		if (batch.isEmpty()) {
			return List.of();
		}
		List<Announcement> announcements = new ArrayList<>(batch.size());
		List<Long> fingerprints = batch.stream().map(s -> TextFingerprint.of(s.text())).toList();
		List<SubmissionFacts.Question> questions = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			questions.add(question(batch.get(i), fingerprints.get(i)));
		}
		List<SubmissionFacts> stored = this.comments.factsAbout(questions);
		List<CommentId> redelivered = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (stored.get(i).alreadyStored()) {
				redelivered.add(questions.get(i).comment());
			}
		}
		Set<CommentId> unannounced = this.comments.unannounced(redelivered);
		Map<PostId, Post> posts = new HashMap<>();
		// the policies in force for the batch's commenters, in one statement
		Map<EmailHash, CommenterPolicies.Kind> policies = this.policies.inForce(
				questions.stream().map(SubmissionFacts.Question::commenter).toList());
		EarlierInBatch earlier = new EarlierInBatch();
		List<Comments.Judged> judged = new ArrayList<>(batch.size());
		List<Judgement> judgements = new ArrayList<>(batch.size());
		Instant now = this.clock.instant();
		for (int i = 0; i < batch.size(); i++) {
			CommentSubmitted submitted = batch.get(i);
			SubmissionFacts.Question question = questions.get(i);
			if (earlier.judgedAlready(question)) {
				continue; // the same record twice in one poll: announced with its first
			}
			if (stored.get(i).alreadyStored()) {
				int index = i;
				try (RecordTrace.Scope trace = traces.enter(submitted.commentId())) {
					Optional<CommentModerated> again = (unannounced.contains(question.comment())
							? this.comments.find(question.comment()) : Optional.<Comment>empty())
						.filter(c -> ENGINE.equals(c.moderatedBy()))
						.map(c -> verdict(c, c.moderatedAt() == null ? now : c.moderatedAt()));
					again.ifPresent(event -> announcements.add(new Announcement(index, event)));
					log.atInfo()
						.addKeyValue("commentId", submitted.commentId())
						.log(again.isPresent() ? "Submission already moderated but not announced: its verdict is announced again"
								: "Submission already moderated: redelivery ignored");
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
					Optional.ofNullable(policies.get(commenter)));
			comment.judge(switch (assessment.verdict()) {
				case APPROVED -> CommentStatus.APPROVED;
				case HELD -> CommentStatus.HELD;
				case SPAM -> CommentStatus.SPAM;
			}, assessment.score(), assessment.reasons(), ENGINE, now);
			earlier.judged(new EarlierInBatch.Judged(question, submitted.ipPrefix(), submitted.submittedAt(),
					comment.status()));
			judged.add(new Comments.Judged(comment, fingerprints.get(i)));
			judgements.add(new Judgement(i, submitted, comment, assessment));
		}
		boolean[] added = this.comments.addAllOnce(judged);
		for (int i = 0; i < added.length; i++) {
			if (added[i]) { // else a concurrent delivery stored it first, and announces it
				Judgement judgement = judgements.get(i);
				try (RecordTrace.Scope trace = traces.enter(judgement.submitted().commentId())) {
					announcements.add(new Announcement(judgement.index(),
							verdict(judgement.comment(), now)));
					judged(judgement);
				}
			}
		}
		announcements.sort(Comparator.comparingInt(Announcement::index));
		return announcements;
	}

	/** These verdicts reached {@code comments.moderated}: a redelivery of their submissions announces nothing. */
	@Transactional
	public void announced(List<Announcement> announcements) {
		this.comments.announced(announcements.stream().map(a -> new CommentId(a.event().commentId())).toList());
	}

	/** A verdict to announce on {@code comments.moderated}, and the index in its batch of the submission it judged. */
	public record Announcement(int index, CommentModerated event) {
	}

	/** A verdict reached in a batch, waiting for its comment to be stored. */
	private record Judgement(int index, CommentSubmitted submitted, Comment comment, Assessment assessment) {
	}

	/**
	 * The engine's verdict on a comment as an event. Its id follows from the comment's, so the same verdict announced
	 * again is the same event to every consumer.
	 */
	private static CommentModerated verdict(Comment comment, Instant at) {
		CommentId parent = comment.parentId();
		UUID eventId = UUID.nameUUIDFromBytes(("engine-verdict:" + comment.id().value())
			.getBytes(StandardCharsets.UTF_8));
		return new CommentModerated(CommentModerated.VERSION, eventId, comment.id().value(), comment.postId().value(),
				parent == null ? null : parent.value(), comment.status().wireValue(), "pending", comment.spamScore(),
				comment.reasons(), ENGINE, ActorKind.ENGINE.wireValue(), comment.author().name(), comment.author().url(),
				comment.text(), at);
	}

	private void judged(Judgement judgement) {
		Comment comment = judgement.comment();
		this.verdicts.get(comment.status()).increment();
		log.atInfo()
			.addKeyValue("commentId", comment.id())
			.addKeyValue("postId", comment.postId())
			.addKeyValue("verdict", comment.status().wireValue())
			.log("Comment moderated: {}", String.join("; ", judgement.assessment().reasons()));
	}

}
