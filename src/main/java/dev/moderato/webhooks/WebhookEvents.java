package dev.moderato.webhooks;

import java.time.Clock;
import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.RecordTrace;
import dev.moderato.posts.Post;
import dev.moderato.posts.PostId;
import dev.moderato.posts.Posts;
import dev.moderato.sites.SiteId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns each verdict and decision into the deliveries its site's webhooks ask for. Fed from {@code comments.moderated}
 * ({@link dev.moderato.webhooks.kafka}): a record's offset is committed only once this has recorded its deliveries,
 * so a crash or a failure here means the record comes again, never that it is lost; a second run records nothing
 * new (one delivery per webhook, source event and type). The sending is done by {@link WebhookSender}.
 */
@Component
public class WebhookEvents {

	private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

	private final DeliveryLog deliveries;

	private final Posts posts;

	private final Clock clock;

	WebhookEvents(DeliveryLog deliveries, Posts posts, Clock clock) {
		this.deliveries = deliveries;
		this.posts = posts;
		this.clock = clock;
	}

	/**
	 * Records a poll's events in one transaction, each in the trace it came with; an exception records none of them.
	 * Each is recorded at most once per webhook, so events delivered again repeat nothing.
	 */
	@Transactional
	public void onAll(List<CommentModerated> events, RecordTrace traces) {
		for (CommentModerated event : events) {
			try (RecordTrace.Scope trace = traces.enter(event.eventId())) {
				on(event);
			}
		}
	}

	@Transactional
	public void on(CommentModerated event) {
		List<EventType> types = EventType.of(event);
		if (types.isEmpty()) {
			return;
		}
		SiteId site = PostId.isValid(event.postId())
				? this.posts.find(new PostId(event.postId())).map(Post::siteId).orElse(SiteId.DEFAULT) : SiteId.DEFAULT;
		for (EventType type : types) {
			int recorded = this.deliveries.recordOnce(site, event, type, this.clock.instant());
			if (recorded > 0) {
				log.atInfo()
					.addKeyValue("commentId", event.commentId())
					.addKeyValue("postId", event.postId())
					.addKeyValue("siteId", site.value())
					.addKeyValue("type", type.wireValue())
					.log("Webhook event recorded for {} webhooks", recorded);
			}
		}
	}

}
