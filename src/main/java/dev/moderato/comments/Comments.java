package dev.moderato.comments;

import java.time.Instant;
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

	Comments(CommentRepository repository, SpamSignalQueries signals, CommenterPrivacy privacy, AvatarIds avatars) {
		this.repository = repository;
		this.signals = signals;
		this.privacy = privacy;
		this.avatars = avatars;
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
		if (comment.status() == CommentStatus.PENDING) {
			throw new IllegalArgumentException("Only judged comments are stored; " + comment.id() + " is pending");
		}
		return this.repository.insertIfAbsent(comment, fingerprint, avatarId(comment));
	}

	private @Nullable String avatarId(Comment comment) {
		try {
			return this.avatars.of(this.privacy.decrypt(comment.author().email()));
		}
		catch (IllegalStateException ex) {
			return null; // an email under a key this instance lacks: stored without an avatar rather than not at all
		}
	}

	/** How many comments this commenter left since then. */
	@Transactional(readOnly = true)
	public int countFrom(EmailHash commenter, Instant since) {
		return this.signals.countSince("email_hash", commenter.value(), since);
	}

	/** How many comments came from this network (IP prefix) since then. */
	@Transactional(readOnly = true)
	public int countFromNetwork(String ipPrefix, Instant since) {
		return this.signals.countSince("ip_prefix", ipPrefix, since);
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
	 * Stores a moderator's decision on a comment read earlier.
	 * @throws StatusConflict if someone changed it in between; nothing is stored
	 */
	@Transactional
	public void saveDecision(Comment decided) {
		if (!this.repository.updateStatus(decided)) {
			CommentStatus now = this.repository.find(decided.id()).map(Comment::status).orElse(CommentStatus.PENDING);
			throw new StatusConflict(decided.id(), now, decided.status());
		}
	}

	/** Deletes a comment for good; its replies stay, without a parent. @return whether it existed */
	@Transactional
	public boolean delete(CommentId id) {
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
		return this.repository.anonymise(commenter, this.privacy.encrypt(""), removeText);
	}

	/** Drops the IP prefix and hash of comments submitted before then. @return how many comments changed */
	@Transactional
	public int forgetIpAddresses(Instant submittedBefore) {
		return this.repository.forgetIpAddresses(submittedBefore);
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
		return this.repository.purge(status, unchangedSince);
	}

	/** The next batch of emails not encrypted under {@code keyId}, in id order after {@code after}. */
	@Transactional(readOnly = true)
	public List<StoredEmail> emailsNotUnder(String keyId, @Nullable CommentId after, int limit) {
		return this.repository.emailsNotUnder(keyId, after, limit);
	}

	/** Replaces a stored email if it is still the one read. @return whether it was replaced */
	@Transactional
	public boolean replaceEmail(StoredEmail read, EncryptedEmail replacement) {
		return this.repository.replaceEmail(read.commentId(), read.email(), replacement);
	}

	@Transactional(readOnly = true)
	public int countEmailsNotUnder(String keyId) {
		return this.repository.countNotUnder(keyId);
	}

	/** A post's published comments, oldest first. */
	@Transactional(readOnly = true)
	public List<Comment> published(PostId post) {
		return this.repository.findByPostAndStatus(post, CommentStatus.APPROVED);
	}

}
