package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.ModerationAction;
import dev.moderato.moderation.VerdictReasons;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.EmailHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a post's author about comments: a new published comment, or one held for review, each at once or gathered
 * into an hourly or daily digest, as the author chose. The mail shows the commenter's name and text, never the
 * commenter's email, and carries links to unsubscribe and to change these choices.
 */
@Service
public class AuthorNotifications {

	private static final Logger log = LoggerFactory.getLogger(AuthorNotifications.class);

	private final Posts posts;

	private final MailComposer composer;

	private final NotificationLog notifications;

	private final Clock clock;

	private final ActionLinks links;

	private final AuthorPreferences preferences;

	private final NotificationLinks mailLinks;

	private final Digests digests;

	private final AuthorMailCount counts;

	private final NotificationSettings settings;

	AuthorNotifications(Posts posts, MailComposer composer, NotificationLog notifications, ActionLinks links,
			AuthorPreferences preferences, NotificationLinks mailLinks, Digests digests, AuthorMailCount counts,
			NotificationSettings settings, Clock clock) {
		this.counts = counts;
		this.settings = settings;
		this.links = links;
		this.posts = posts;
		this.composer = composer;
		this.notifications = notifications;
		this.preferences = preferences;
		this.mailLinks = mailLinks;
		this.digests = digests;
		this.clock = clock;
	}

	/** Records the author's mail (or digest entry) for a verdict, once per event. */
	@Transactional
	public void on(CommentModerated event) {
		on(event, new Authors());
	}

	/**
	 * What a poll's verdicts share about their posts' authors, read once per poll rather than once per verdict: each
	 * author's key and choices. A choice changed meanwhile counts from the next poll on.
	 */
	public static final class Authors {

		private final Map<String, EmailHash> keys = new HashMap<>();

		private final Map<EmailHash, AuthorPreference> preferences = new HashMap<>();

	}

	/** {@link #on(CommentModerated)} for one verdict of a poll, with what the poll already read about authors. */
	@Transactional
	public void on(CommentModerated event, Authors authors) {
		String kind = switch (event.status()) {
			case "approved" -> AuthorPreference.NEW_COMMENT;
			case "held" -> AuthorPreference.HELD;
			default -> null;
		};
		if (kind == null) {
			return;
		}
		Post post = this.posts.find(new PostId(event.postId())).orElse(null);
		if (post == null) {
			log.atWarn().addKeyValue("postId", event.postId()).log("No author to notify: post unknown");
			return;
		}
		EmailHash author = authors.keys.computeIfAbsent(post.authorEmail(), this.preferences::authorKey);
		AuthorPreference preference = authors.preferences.computeIfAbsent(author, this.preferences::of);
		if (!preference.wants(kind)) {
			log.atInfo().addKeyValue("commentId", event.commentId()).addKeyValue("kind", kind)
				.log("Author notification not wanted");
			return;
		}
		if (preference.delivery() != Delivery.IMMEDIATE) {
			this.digests.add(event, kind, author, preference.delivery());
			return;
		}
		String key = "author:" + event.eventId();
		if (this.notifications.recorded(key)) {
			log.atInfo().addKeyValue("commentId", event.commentId())
				.log("Author notification already recorded: redelivery ignored");
			return;
		}
		// a flood of comments (one sender, a bot) must not flood the author: beyond the hour's allowance, one digest
		Instant hourEnd = Delivery.HOURLY.periodEnd(this.clock.instant(), this.settings.digestZone());
		int mails = this.counts.increment(author, hourEnd);
		if (mails > this.settings.authorMailsPerHour()) {
			// logged once an hour per author at INFO (the first mail over the limit), the rest of a flood at DEBUG
			this.digests.add(event, kind, author, hourEnd, "over the hourly mail limit: this hour's",
					mails == this.settings.authorMailsPerHour() + 1 ? Level.INFO : Level.DEBUG);
			return;
		}
		String template = AuthorPreference.HELD.equals(kind) ? "comment-held" : "new-comment";
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("post", post);
		model.put("commentId", event.commentId().toString());
		model.put("commenterName", event.authorName());
		model.put("text", event.text());
		// the reasons as the author reads them: the rule that held it, not every number the filter computed
		model.put("reasons", AuthorPreference.HELD.equals(kind) ? VerdictReasons.present(CommentStatus.HELD, event.reasons())
				: event.reasons());
		model.put("reply", event.parentId() != null);
		if (AuthorPreference.HELD.equals(kind)) {
			CommentId id = new CommentId(event.commentId());
			model.put("approveLink", this.links.create(id, ModerationAction.APPROVE));
			model.put("spamLink", this.links.create(id, ModerationAction.SPAM));
			model.put("rejectLink", this.links.create(id, ModerationAction.REJECT));
		}
		String unsubscribe = this.mailLinks.unsubscribe(author, "kind:" + kind);
		model.put("unsubscribeLink", unsubscribe);
		model.put("unsubscribeAllLink", this.mailLinks.unsubscribe(author, OptOuts.ALL));
		model.put("preferencesLink", this.mailLinks.preferences(author));
		String subject = ("new-comment".equals(template) ? "New comment on \"" : "Comment awaiting review on \"")
				+ post.title() + "\"";
		Mail mail = this.composer.compose(template, post.authorEmail(), subject, model, unsubscribe);
		boolean recorded = this.notifications.recordOnce(key, template, event.commentId(), mail,
				"kind:" + kind, this.clock.instant());
		log.atInfo()
			.addKeyValue("commentId", event.commentId())
			.addKeyValue("postId", event.postId())
			.addKeyValue("kind", template)
			.log(recorded ? "Author notification recorded" : "Author notification already recorded: redelivery ignored");
	}

}
