package dev.moderato.notification;

import java.util.List;
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
 * When a commenter is erased, their reply subscription and every mail recorded for them go too, in the erase's own
 * transaction, and so does every recorded mail about their comments (the author's single mails and digests, which
 * quote the commenter's name and text). Digest entries already digested are deleted; those still waiting say what the
 * anonymised comment now says. An unsubscribe ("send me nothing") stays, as a keyed hash only, so the address is never
 * mailed again.
 */
@Component
class ErasedCommenters {

	private static final Logger log = LoggerFactory.getLogger(ErasedCommenters.class);

	private final JdbcClient jdbc;

	private final Comments comments;

	ErasedCommenters(JdbcClient jdbc, Comments comments) {
		this.jdbc = jdbc;
		this.comments = comments;
	}

	@EventListener
	void on(CommenterErased erased) {
		String hash = erased.emailHash().value();
		int subscriptions = this.jdbc.sql("delete from reply_subscription where email_hash = ?").param(hash).update();
		int mails = this.jdbc.sql("delete from notification where recipient_hash = ?").param(hash).update();
		List<UUID> ids = erased.commentIds();
		int aboutThem = 0;
		int entries = 0;
		if (!ids.isEmpty()) {
			aboutThem = this.jdbc.sql("""
					delete from notification where comment_id in (:ids) or about_comments && cast(:array as uuid[])
					""")
				.param("ids", ids)
				.param("array", "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}")
				.update();
			entries = this.jdbc.sql("delete from digest_entry where comment_id in (:ids) and digested_at is not null")
				.param("ids", ids)
				.update();
			for (UUID id : ids) {
				this.comments.find(new CommentId(id)).ifPresent(comment -> this.jdbc
					.sql("update digest_entry set commenter_name = ?, text = ? where comment_id = ? and digested_at is null")
					.params(comment.author().name(), comment.text(), id)
					.update());
			}
		}
		log.atInfo()
			.addKeyValue("subscriptions", subscriptions)
			.addKeyValue("mails", mails)
			.addKeyValue("mailsAboutComments", aboutThem)
			.addKeyValue("digestEntries", entries)
			.log("Erased commenter's subscriptions and mails deleted");
	}

}
