package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.moderato.comments.Comment;
import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.notification.NotificationLinks.Link;
import dev.moderato.notification.NotificationLinks.Purpose;
import dev.moderato.posts.Post;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells commenters who asked for it about approved replies to their comments, after they confirmed their address
 * (double opt-in). Never before a reply is approved, never for a held or spam reply, never for one's own reply, and
 * only the first time a reply becomes approved. The address is decrypted only to record the mail, which stores it
 * encrypted again.
 */
@Service
public class ReplyNotifications {

	private static final Logger log = LoggerFactory.getLogger(ReplyNotifications.class);

	private final Comments comments;

	private final Posts posts;

	private final CommenterPrivacy privacy;

	private final ReplySubscriptions subscriptions;

	private final OptOuts optOuts;

	private final NotificationLinks links;

	private final MailComposer composer;

	private final NotificationLog notifications;

	private final NotificationSettings settings;

	private final Clock clock;

	ReplyNotifications(Comments comments, Posts posts, CommenterPrivacy privacy, ReplySubscriptions subscriptions,
			OptOuts optOuts, NotificationLinks links, MailComposer composer, NotificationLog notifications,
			NotificationSettings settings, Clock clock) {
		this.comments = comments;
		this.posts = posts;
		this.privacy = privacy;
		this.subscriptions = subscriptions;
		this.optOuts = optOuts;
		this.links = links;
		this.composer = composer;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	/** Records what a verdict calls for: a confirmation request and a reply mail, each at most once. */
	@Transactional
	public void on(CommentModerated event) {
		if (!CommentStatus.APPROVED.wireValue().equals(event.status())) {
			return;
		}
		Comment comment = this.comments.find(new CommentId(event.commentId())).orElse(null);
		if (comment == null) {
			return;
		}
		// asking only once the comment is published: held, spam or rejected comments never mail anybody
		if (comment.notifyReplies()) {
			requestConfirmation(comment);
		}
		if (comment.parentId() != null && this.subscriptions.firstApproval(event.commentId(), this.clock.instant())) {
			this.comments.find(comment.parentId()).ifPresent(parent -> notifyParent(parent, comment, event));
		}
	}

	/**
	 * Confirms the address a confirmation link was sent to.
	 * @throws NotificationLinkProblem if the link is not valid or has expired
	 */
	@Transactional
	public Confirmation confirm(String token) {
		Link link = check(token);
		return this.subscriptions.confirm(link.recipient(), this.clock.instant());
	}

	/** @throws NotificationLinkProblem if the link is not valid or has expired */
	public Link check(String token) {
		return this.links.read(token, Purpose.CONFIRM);
	}

	/** Forgets confirmation requests nobody confirmed in time. */
	@Transactional
	public int expireRequests(Instant now) {
		return this.subscriptions.expire(now);
	}

	private void requestConfirmation(Comment comment) {
		EmailHash commenter = comment.author().emailHash();
		Instant now = this.clock.instant();
		if (this.subscriptions.confirmed(commenter) || this.optOuts.excludes(commenter, OptOuts.ALL)) {
			return;
		}
		Instant expires = now.plus(this.settings.confirmationTtl());
		if (!this.subscriptions.request(commenter, now, expires, this.settings.confirmationResendAfter())) {
			return;
		}
		Post post = this.posts.find(comment.postId()).orElse(null);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("postTitle", post == null ? comment.postId().value() : post.title());
		model.put("postUrl", post == null ? null : post.url());
		model.put("commenterName", comment.author().name());
		model.put("confirmLink", this.links.confirm(commenter, expires));
		model.put("hours", this.settings.confirmationTtl().toHours());
		String neverAgain = this.links.unsubscribe(commenter, OptOuts.ALL);
		model.put("unsubscribeAllLink", neverAgain);
		Mail mail = this.composer.compose("confirm-replies", this.privacy.decrypt(comment.author().email()),
				"Confirm reply notifications from " + (post == null ? "the blog" : "\"" + post.title() + "\""), model,
				neverAgain);
		this.notifications.recordOnce("confirm:" + commenter + ":" + now.getEpochSecond(), "confirm-replies",
				comment.id().value(), mail, OptOuts.ALL, now);
		log.atInfo().addKeyValue("commentId", comment.id()).log("Reply notification confirmation recorded");
	}

	private void notifyParent(Comment parent, Comment reply, CommentModerated event) {
		EmailHash commenter = parent.author().emailHash();
		String thread = "thread:" + parent.id();
		if (!parent.notifyReplies() || parent.status() != CommentStatus.APPROVED
				|| commenter.equals(reply.author().emailHash()) || !this.subscriptions.confirmed(commenter)
				|| this.optOuts.excludes(commenter, thread)) {
			return;
		}
		Post post = this.posts.find(parent.postId()).orElse(null);
		if (post == null) {
			return;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("post", post);
		model.put("commentId", reply.id().toString());
		model.put("replierName", event.authorName());
		model.put("text", event.text());
		model.put("yourText", parent.text());
		String unsubscribeThread = this.links.unsubscribe(commenter, thread);
		model.put("unsubscribeLink", unsubscribeThread);
		model.put("unsubscribeAllLink", this.links.unsubscribe(commenter, OptOuts.ALL));
		Mail mail = this.composer.compose("reply", this.privacy.decrypt(parent.author().email()),
				"New reply to your comment on \"" + post.title() + "\"", model, unsubscribeThread);
		boolean recorded = this.notifications.recordOnce("reply:" + reply.id(), "reply", reply.id().value(), mail, thread,
				this.clock.instant());
		log.atInfo()
			.addKeyValue("commentId", reply.id())
			.addKeyValue("parentId", parent.id())
			.log(recorded ? "Reply notification recorded" : "Reply notification already recorded");
	}

}
