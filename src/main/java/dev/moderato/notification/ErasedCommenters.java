package dev.moderato.notification;

import dev.moderato.privacy.CommenterErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a commenter is erased, their reply subscription and every mail recorded for them go too, in the erase's own
 * transaction. An unsubscribe ("send me nothing") stays, as a keyed hash only, so the address is never mailed again.
 */
@Component
class ErasedCommenters {

	private static final Logger log = LoggerFactory.getLogger(ErasedCommenters.class);

	private final JdbcClient jdbc;

	ErasedCommenters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(CommenterErased erased) {
		String hash = erased.emailHash().value();
		int subscriptions = this.jdbc.sql("delete from reply_subscription where email_hash = ?").param(hash).update();
		int mails = this.jdbc.sql("delete from notification where recipient_hash = ?").param(hash).update();
		log.atInfo()
			.addKeyValue("subscriptions", subscriptions)
			.addKeyValue("mails", mails)
			.log("Erased commenter's subscriptions and mails deleted");
	}

}
