package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.CommentStatus;
import dev.moderato.comments.Comments;
import dev.moderato.moderation.ActionLinks;
import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.ModerationAction;
import dev.moderato.moderation.VerdictReasons;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly and daily digests for post authors who chose them: each author mail becomes an entry of the period it falls
 * in, and once a period is over, {@link #sendDue} records one digest per author and period through the
 * {@link NotificationLog}, under a key naming both, so running it again sends nothing twice. An entry that arrives
 * after its period's digest went out moves to the next period, so it is sent late rather than never.
 */
@Service
public class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuthorPreferences preferences;

	private final Posts posts;

	private final Comments comments;

	private final CommenterPrivacy privacy;

	private final ActionLinks actionLinks;

	private final NotificationLinks links;

	private final MailComposer composer;

	private final NotificationLog notifications;

	private final NotificationSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	Digests(JdbcClient jdbc, TransactionTemplate transactions, AuthorPreferences preferences, Posts posts,
			Comments comments, CommenterPrivacy privacy, ActionLinks actionLinks, NotificationLinks links,
			MailComposer composer, NotificationLog notifications, NotificationSettings settings, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.preferences = preferences;
		this.posts = posts;
		this.comments = comments;
		this.privacy = privacy;
		this.actionLinks = actionLinks;
		this.links = links;
		this.composer = composer;
		this.notifications = notifications;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	/** Keeps an author mail for the digest of the period its verdict falls in; once per event. */
	void add(CommentModerated event, String kind, EmailHash author, Delivery delivery) {
		add(event, kind, author, delivery.periodEnd(event.occurredAt(), this.settings.digestZone()), delivery.wireValue(),
				Level.INFO);
	}

	/**
	 * Keeps an author mail for the digest of the period ending at {@code periodEnd}; once per event.
	 * @param level how loudly to log it: a flood's hundredth entry says nothing its first did not
	 */
	void add(CommentModerated event, String kind, EmailHash author, Instant periodEnd, String why, Level level) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into digest_entry (event_id, recipient_hash, post_id, comment_id, kind, commenter_name, text,
				  reasons, period_end, created_at)
				values (:eventId, :hash, :postId, :commentId, :kind, :name, :text, cast(:reasons as jsonb), :periodEnd, :now)
				on conflict (event_id) do nothing
				""")
			.param("eventId", event.eventId())
			.param("hash", author.value())
			.param("postId", event.postId())
			.param("commentId", event.commentId())
			.param("kind", kind)
			.param("name", event.authorName())
			.param("text", event.text())
			.param("reasons", this.json.writeValueAsString(event.reasons()))
			.param("periodEnd", Timestamp.from(periodEnd))
			.param("now", Timestamp.from(now))
			.update();
		log.atLevel(level).addKeyValue("commentId", event.commentId()).addKeyValue("kind", kind)
			.log("Author notification kept for the {} digest", why);
	}

	/**
	 * Records one digest for each author and period that ended by {@code now}, due at once. Safe to run again, and on several
	 * instances at once: each digest is recorded under a key naming the author and the period.
	 * @return how many digests were recorded
	 */
	public int sendDue(Instant now) {
		List<Due> due = this.jdbc.sql("""
				select distinct recipient_hash, period_end from digest_entry
				where digested_at is null and period_end <= ? order by period_end
				""")
			.param(Timestamp.from(now))
			.query((rs, n) -> new Due(new EmailHash(rs.getString(1).strip()), rs.getTimestamp(2).toInstant()))
			.list();
		int recorded = 0;
		for (Due one : due) {
			if (Boolean.TRUE.equals(this.transactions.execute(tx -> digest(one, now)))) {
				recorded++;
			}
		}
		return recorded;
	}

	private boolean digest(Due due, Instant asOf) {
		// the periods are chosen by the caller's instant; the digest itself is recorded (and due) now
		Instant now = this.clock.instant();
		List<Entry> entries = this.jdbc.sql("""
				select event_id, post_id, comment_id, kind, commenter_name, text, reasons from digest_entry
				where recipient_hash = ? and period_end = ? and digested_at is null order by created_at for update skip locked
				""")
			.params(due.author().value(), Timestamp.from(due.periodEnd()))
			.query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getString(6),
					this.json.readValue(rs.getString(7), new TypeReference<List<String>>() {
					})))
			.list();
		if (entries.isEmpty()) { // another instance is digesting them
			return false;
		}
		AuthorPreference preference = this.preferences.of(due.author());
		List<Entry> wanted = entries.stream().filter(e -> preference.wants(e.kind())).toList();
		Map<String, Optional<Post>> postsById = new HashMap<>();
		wanted.forEach(e -> postsById.computeIfAbsent(e.postId(), id -> this.posts.find(new PostId(id))));
		String recipient = postsById.values().stream().flatMap(Optional::stream).map(Post::authorEmail)
			.filter(email -> this.privacy.hash(email).equals(due.author())).findFirst().orElse(null);
		if (wanted.isEmpty() || recipient == null) {
			markDigested(entries, now);
			return false;
		}
		Mail mail = this.composer.compose("digest", recipient, subject(wanted), model(due, wanted, postsById),
				this.links.unsubscribe(due.author(), OptOuts.ALL));
		if (this.notifications.recordOnce("digest:" + due.author() + ":" + due.periodEnd().getEpochSecond(), "digest",
				null, wanted.stream().map(Entry::commentId).toList(), mail, "digest", now)) {
			markDigested(entries, now);
			return true;
		}
		// this period's digest went out before these entries arrived (a verdict late across the period's end, or
		// kept back by an outage): they go into the next digest instead of being lost
		Delivery period = preference.delivery() == Delivery.DAILY ? Delivery.DAILY : Delivery.HOURLY;
		this.jdbc.sql("update digest_entry set period_end = :next where event_id in (:ids)")
			.param("next", Timestamp.from(period.periodEnd(asOf, this.settings.digestZone())))
			.param("ids", eventIds(entries))
			.update();
		log.atInfo().addKeyValue("entries", entries.size())
			.log("Author notifications arrived after their digest went out; moved to the next digest");
		return false;
	}

	/** Only the entries this run read: one that arrived meanwhile waits for the next run. */
	private void markDigested(List<Entry> entries, Instant now) {
		this.jdbc.sql("update digest_entry set digested_at = :now where event_id in (:ids)")
			.param("now", Timestamp.from(now))
			.param("ids", eventIds(entries))
			.update();
	}

	private static List<UUID> eventIds(List<Entry> entries) {
		return entries.stream().map(Entry::eventId).toList();
	}

	private Map<String, Object> model(Due due, List<Entry> entries, Map<String, Optional<Post>> postsById) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Entry entry : entries) {
			Post post = postsById.get(entry.postId()).orElse(null);
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("held", AuthorPreference.HELD.equals(entry.kind()));
			item.put("postTitle", post == null ? entry.postId() : post.title());
			item.put("postUrl", post == null ? null : post.url());
			item.put("commentId", entry.commentId().toString());
			item.put("commenterName", entry.commenterName());
			item.put("text", entry.text());
			item.put("reasons", AuthorPreference.HELD.equals(entry.kind())
					? VerdictReasons.present(CommentStatus.HELD, entry.reasons()) : entry.reasons());
			item.put("approveLink", stillHeld(entry) ? this.actionLinks.create(new CommentId(entry.commentId()),
					ModerationAction.APPROVE) : null);
			items.add(item);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("items", items);
		model.put("periodEnd", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
			.format(due.periodEnd().atZone(this.settings.digestZone())));
		model.put("unsubscribeAllLink", this.links.unsubscribe(due.author(), OptOuts.ALL));
		model.put("preferencesLink", this.links.preferences(due.author()));
		return model;
	}

	private boolean stillHeld(Entry entry) {
		return AuthorPreference.HELD.equals(entry.kind()) && this.comments.find(new CommentId(entry.commentId()))
			.map(c -> c.status() == CommentStatus.HELD).orElse(false);
	}

	private static String subject(List<Entry> entries) {
		long held = entries.stream().filter(e -> AuthorPreference.HELD.equals(e.kind())).count();
		long published = entries.size() - held;
		return "Comment digest: " + published + " new, " + held + " awaiting review";
	}

	private record Due(EmailHash author, Instant periodEnd) {
	}

	private record Entry(UUID eventId, String postId, UUID commentId, String kind, String commenterName, String text,
			List<String> reasons) {
	}

}
