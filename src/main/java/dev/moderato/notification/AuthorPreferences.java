package dev.moderato.notification;

import java.sql.Timestamp;
import java.time.Clock;

import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.EmailHash;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post authors' choices, stored by keyed hash of the author's email: immediate mails or a digest, which kinds, or
 * nothing at all. Changed by admins through the API and by authors through the signed link in every mail.
 */
@Service
public class AuthorPreferences {

	private final JdbcClient jdbc;

	private final OptOuts optOuts;

	private final CommenterPrivacy privacy;

	private final Clock clock;

	AuthorPreferences(JdbcClient jdbc, OptOuts optOuts, CommenterPrivacy privacy, Clock clock) {
		this.jdbc = jdbc;
		this.optOuts = optOuts;
		this.privacy = privacy;
		this.clock = clock;
	}

	/** The keyed hash an author's preferences are stored under. */
	public EmailHash authorKey(String authorEmail) {
		return this.privacy.hash(authorEmail);
	}

	@Transactional(readOnly = true)
	public AuthorPreference of(EmailHash author) {
		boolean nothing = this.optOuts.excludes(author, OptOuts.ALL);
		return this.jdbc.sql("select delivery, new_comment, held from author_preference where recipient_hash = ?")
			.param(author.value())
			.query((rs, n) -> new AuthorPreference(Delivery.parse(rs.getString(1)).orElse(Delivery.IMMEDIATE),
					rs.getBoolean(2), rs.getBoolean(3), nothing))
			.optional()
			.orElse(new AuthorPreference(Delivery.IMMEDIATE, true, true, nothing));
	}

	/** Saves every choice; mails already recorded of a kind switched off are not sent. */
	@Transactional
	public AuthorPreference save(EmailHash author, AuthorPreference preference) {
		this.jdbc.sql("""
				insert into author_preference (recipient_hash, delivery, new_comment, held, updated_at)
				values (:hash, :delivery, :newComment, :held, :now)
				on conflict (recipient_hash) do update set delivery = excluded.delivery,
				  new_comment = excluded.new_comment, held = excluded.held, updated_at = excluded.updated_at
				""")
			.param("hash", author.value())
			.param("delivery", preference.delivery().wireValue())
			.param("newComment", preference.newComment())
			.param("held", preference.held())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		if (preference.nothingAtAll()) {
			this.optOuts.add(author, OptOuts.ALL, this.clock.instant());
		}
		else {
			this.optOuts.remove(author, OptOuts.ALL);
		}
		return of(author);
	}

	/** Switches one kind ({@code new-comment} or {@code held}) off, keeping the other choices. */
	@Transactional
	void switchOff(EmailHash author, String kind) {
		AuthorPreference now = of(author);
		save(author, new AuthorPreference(now.delivery(), now.newComment() && !AuthorPreference.NEW_COMMENT.equals(kind),
				now.held() && !AuthorPreference.HELD.equals(kind), now.nothingAtAll()));
	}

}
