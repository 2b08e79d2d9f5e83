package dev.moderato.system;

import java.util.UUID;

import dev.moderato.comments.CommentId;
import dev.moderato.comments.Comments;
import dev.moderato.privacy.CommenterErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a commenter is erased, the outbox forgets them too, in the erase's transaction: completed events about their
 * comments are deleted; events still owed to Kafka are kept (consumers need the verdict) but now carry what the
 * anonymised comment says (author "deleted", no url, the text as it stays or "[deleted]").
 */
@Component
class OutboxErasure {

	private static final Logger log = LoggerFactory.getLogger(OutboxErasure.class);

	private final JdbcClient jdbc;

	private final Comments comments;

	OutboxErasure(JdbcClient jdbc, Comments comments) {
		this.jdbc = jdbc;
		this.comments = comments;
	}

	@EventListener
	void on(CommenterErased erased) {
		int deleted = 0;
		int rewritten = 0;
		for (UUID id : erased.commentIds()) {
			// strpos first: only rows naming the comment are parsed as JSON
			deleted += this.jdbc.sql("""
					delete from event_publication
					where completion_date is not null and strpos(serialized_event, :id) > 0
					  and serialized_event::jsonb ->> 'commentId' = :id
					""")
				.param("id", id.toString())
				.update();
			var comment = this.comments.find(new CommentId(id)).orElse(null);
			if (comment != null) {
				rewritten += this.jdbc.sql("""
						update event_publication
						set serialized_event = jsonb_set(jsonb_set(jsonb_set(serialized_event::jsonb,
						  '{authorName}', to_jsonb(cast(:name as text))), '{authorUrl}', 'null'::jsonb),
						  '{text}', to_jsonb(cast(:text as text)))::text
						where completion_date is null and strpos(serialized_event, :id) > 0
						  and serialized_event::jsonb ->> 'commentId' = :id
						""")
					.param("name", comment.author().name())
					.param("text", comment.text())
					.param("id", id.toString())
					.update();
			}
		}
		log.atInfo()
			.addKeyValue("outboxEventsDeleted", deleted)
			.addKeyValue("outboxEventsAnonymised", rewritten)
			.log("Erased commenter's outbox events deleted or anonymised");
	}

}
