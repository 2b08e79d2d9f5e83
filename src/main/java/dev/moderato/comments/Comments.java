package dev.moderato.comments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.moderato.posts.PostId;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import dev.moderato.privacy.EncryptedEmail;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments API other modules use: store a judged comment, look comments up, read a post's thread.
 */
@Service
public class Comments {

	private final CommentRepository repository;

	private final SpamSignalQueries signals;

	private final CommenterPrivacy privacy;

	private final AvatarIds avatars;

	private final ThreadRepository threads;

	private final CommentWriter writer;

	private final CommentRetention retention;

	private final StoredEmails emails;

	Comments(CommentRepository repository, SpamSignalQueries signals, CommenterPrivacy privacy, AvatarIds avatars,
			ThreadRepository threads, CommentWriter writer, CommentRetention retention, StoredEmails emails) {
		this.repository = repository;
		this.writer = writer;
		this.retention = retention;
		this.emails = emails;
		this.signals = signals;
		this.privacy = privacy;
		this.avatars = avatars;
		this.threads = threads;
	}

	/** A comment's stored (encrypted) email, for key rotation. */
	public record StoredEmail(CommentId commentId, EncryptedEmail email) {
	}

	/**
	 * Stores a comment once: a second call with the same id changes nothing.
	 * @return whether this call stored it
	 */
	@Transactional
	public boolean addOnce(Comment comment) {
		return addOnce(comment, null);
	}

	/**
	 * Stores a comment once, with the near-duplicate fingerprint of its text.
	 * @return whether this call stored it
	 */
	@Transactional
	public boolean addOnce(Comment comment, @Nullable Long fingerprint) {
		return addAllOnce(List.of(new Judged(comment, fingerprint)))[0];
	}

	/** Which of these stored comments' verdicts have not reached {@code comments.moderated} yet. */
	@Transactional(readOnly = true)
	public Set<CommentId> unannounced(Collection<CommentId> ids) {
		return ids.isEmpty() ? Set.of() : this.writer.unannounced(ids);
	}

	/** These comments' verdicts reached {@code comments.moderated}. */
	@Transactional
	public void announced(Collection<CommentId> ids) {
		if (!ids.isEmpty()) {
			this.writer.announced(ids);
		}
	}

	/** A judged comment to store, with the near-duplicate fingerprint of its text ({@code null}: none). */
	public record Judged(Comment comment, @Nullable Long fingerprint) {
	}

	/**
	 * Stores judged comments in one JDBC batch, each once: one whose id is stored already changes nothing. A reply may
	 * follow its parent in the same list. The thread version of each post that gains a published comment is bumped
	 * once, in post id order (two batches on the same posts cannot deadlock).
	 * @return for each comment, whether this call stored it
	 */
	@Transactional
	public boolean[] addAllOnce(List<Judged> judged) {
		List<CommentWriter.Row> rows = new java.util.ArrayList<>(judged.size());
		for (Judged j : judged) {
			if (j.comment().status() == CommentStatus.PENDING) {
				throw new IllegalArgumentException("Only judged comments are stored; " + j.comment().id() + " is pending");
			}
			rows.add(new CommentWriter.Row(j.comment(), j.fingerprint(), avatarId(j.comment())));
		}
		if (rows.isEmpty()) {
			return new boolean[0];
		}
		boolean[] stored = this.writer.insertIfAbsent(rows);
		java.util.SortedSet<String> published = new java.util.TreeSet<>();
		for (int i = 0; i < stored.length; i++) {
			if (stored[i] && judged.get(i).comment().status() == CommentStatus.APPROVED) {
				published.add(judged.get(i).comment().postId().value());
			}
		}
		published.forEach(post -> this.threads.bump(new PostId(post)));
		return stored;
	}

	private @Nullable String avatarId(Comment comment) {
		try {
			return this.avatars.of(this.privacy.decrypt(comment.author().email()));
		}
		catch (IllegalStateException ex) {
			return null; // an email under a key this instance lacks: stored without an avatar rather than not at all
		}
	}

	/**
	 * How many comments on other posts since then have a text fingerprint within {@code maxBits} differing bits of
	 * this one: the same comment left on many posts.
	 */
	@Transactional(readOnly = true)
	public int nearDuplicatesElsewhere(long fingerprint, PostId post, Instant since, int maxBits) {
		return fingerprint == 0 ? 0 : this.signals.nearDuplicates(fingerprint, post, since, maxBits);
	}

	/**
	 * Everything the stored comments tell about a submission before its verdict (redelivery, parent, history,
	 * velocity, near-duplicates), in one round trip.
	 */
	@Transactional(readOnly = true)
	public SubmissionFacts factsAbout(SubmissionFacts.Question question) {
		return this.signals.facts(question);
	}

	/**
	 * {@link #factsAbout(SubmissionFacts.Question)} for a batch of submissions in one statement, as each would be
	 * answered alone. The submissions of the batch do not count for each other: none of them is stored yet.
	 * @return the facts in the order of the questions
	 */
	@Transactional(readOnly = true)
	public List<SubmissionFacts> factsAbout(List<SubmissionFacts.Question> questions) {
		return this.signals.facts(questions);
	}

	/**
	 * Stores a moderator's decision on a comment read earlier.
	 * @throws StatusConflict if someone changed it in between; nothing is stored
	 */
	@Transactional
	public void saveDecision(Comment decided) {
		if (!this.repository.updateStatus(decided)) {
			CommentStatus now = this.repository.find(decided.id()).map(Comment::status).orElse(CommentStatus.PENDING);
			throw new StatusConflict(decided.id(), now, decided.status());
		}
		// any decision may publish or un-publish it: the thread's version changes with it
		this.threads.bump(decided.postId());
	}

	/** Deletes a comment for good; its replies stay, without a parent. @return whether it existed */
	@Transactional
	public boolean delete(CommentId id) {
		this.threads.bumpPostOf(id);
		return this.repository.delete(id);
	}

	@Transactional(readOnly = true)
	public CommentPage query(CommentQuery query) {
		return this.repository.query(query);
	}

	/** How many comments each status holds, on the given posts ({@code null}: all). */
	@Transactional(readOnly = true)
	public Map<CommentStatus, Long> counts(@Nullable Set<PostId> posts) {
		return this.repository.counts(posts);
	}

	@Transactional(readOnly = true)
	public Optional<Instant> oldestHeldAt() {
		return this.repository.oldestHeldAt();
	}

	@Transactional(readOnly = true)
	public Optional<Comment> find(CommentId id) {
		return this.repository.find(id);
	}

	/** The comment's text as the sanitised HTML its thread shows. */
	public String html(Comment comment) {
		return CommentHtml.render(comment.text());
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
		return this.signals.history(commenter);
	}

	/** Every comment stored under this commenter's hash, oldest first. */
	@Transactional(readOnly = true)
	public List<Comment> byCommenter(EmailHash commenter) {
		return this.repository.findByCommenter(commenter);
	}

	/**
	 * Anonymises every comment of this commenter (GDPR erase): they stay, by "deleted", without url, email, IP data or
	 * avatar, under a random hash that links them to nothing; the text stays unless {@code removeText}.
	 * @return how many comments were anonymised
	 */
	@Transactional
	public int anonymise(EmailHash commenter, boolean removeText) {
		this.threads.bumpPostsOf(commenter);
		return this.repository.anonymise(commenter, this.privacy.encrypt(""), removeText);
	}

	/** Drops the IP prefix and hash of comments submitted before then. @return how many comments changed */
	@Transactional
	public int forgetIpAddresses(Instant submittedBefore) {
		return this.retention.forgetIpAddresses(submittedBefore);
	}

	/**
	 * Deletes comments of this status submitted and last decided before then; their replies stay, without a parent.
	 * @return how many were deleted
	 */
	@Transactional
	public int purge(CommentStatus status, Instant unchangedSince) {
		if (status != CommentStatus.HELD && status != CommentStatus.SPAM) {
			throw new IllegalArgumentException("Only held and spam comments are purged, not " + status.wireValue());
		}
		// not public, but a published reply to one of them loses its parentId
		this.threads.bumpPostsWithUnchanged(status, unchangedSince);
		return this.retention.purge(status, unchangedSince);
	}

	/** The next batch of emails not encrypted under {@code keyId}, in id order after {@code after}. */
	@Transactional(readOnly = true)
	public List<StoredEmail> emailsNotUnder(String keyId, @Nullable CommentId after, int limit) {
		return this.emails.emailsNotUnder(keyId, after, limit);
	}

	/** Replaces a stored email if it is still the one read. @return whether it was replaced */
	@Transactional
	public boolean replaceEmail(StoredEmail read, EncryptedEmail replacement) {
		return this.emails.replaceEmail(read.commentId(), read.email(), replacement);
	}

	@Transactional(readOnly = true)
	public int countEmailsNotUnder(String keyId) {
		return this.emails.countNotUnder(keyId);
	}

	/**
	 * A page of a post's public thread: its version, its count and the page's comments read in one snapshot, so the
	 * version always describes exactly what was read.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public PublishedThread thread(PostId post, ThreadQuery query) {
		long version = this.threads.version(post);
		int count = this.threads.count(post);
		List<ThreadRepository.Root> roots = this.threads.roots(post, query);
		List<ThreadRepository.Root> page = roots.size() > query.limit() ? roots.subList(0, query.limit()) : roots;
		List<ThreadComment> comments = this.threads.withReplies(page.stream().map(ThreadRepository.Root::id).toList());
		ThreadRepository.Root last = page.isEmpty() ? null : page.get(page.size() - 1);
		ThreadQuery.Cursor next = roots.size() > query.limit() && last != null
				? new ThreadQuery.Cursor(query.order(), last.submittedAt(), last.id()) : null;
		return new PublishedThread(version, count, comments, next);
	}

	/**
	 * The version of a post's public thread: it changes whenever what the thread shows changes. Read at most
	 * {@link CommentsSettings#threadVersionTtl()} ago: a change made on this instance is seen at once.
	 */
	public long threadVersion(PostId post) {
		return this.threads.recentVersion(post);
	}

	/** The thread versions of these posts, read in one snapshot with {@link #publishedCounts}. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Map<PostId, PublishedCount> publishedCounts(Set<PostId> posts) {
		if (posts.isEmpty()) {
			return Map.of();
		}
		Map<PostId, Long> versions = this.threads.versions(posts);
		Map<PostId, Integer> counts = this.threads.counts(posts);
		Map<PostId, PublishedCount> out = new java.util.LinkedHashMap<>();
		posts.forEach(p -> out.put(p, new PublishedCount(counts.getOrDefault(p, 0), versions.getOrDefault(p, 0L))));
		return out;
	}

	/** How many comments a post's thread publishes, at which thread version. */
	public record PublishedCount(int count, long version) {
	}

	/**
	 * Renders and stores the HTML of up to {@code batch} comments stored before the column existed.
	 * @return how many were looked at (0: none is left)
	 */
	@Transactional
	public int fillMissingHtml(int batch) {
		return this.threads.fillMissingHtml(batch);
	}

}
