package dev.moderato.notification;

import java.time.Clock;

import dev.moderato.notification.NotificationLinks.Link;
import dev.moderato.notification.NotificationLinks.Purpose;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click unsubscribe (RFC 8058): from one thread of replies, from one kind of author mail, or from everything.
 * Honoured at once: mails recorded but not yet sent are dropped at send time.
 */
@Service
public class Unsubscribes {

	private final NotificationLinks links;

	private final OptOuts optOuts;

	private final AuthorPreferences preferences;

	private final Clock clock;

	Unsubscribes(NotificationLinks links, OptOuts optOuts, AuthorPreferences preferences, Clock clock) {
		this.links = links;
		this.optOuts = optOuts;
		this.preferences = preferences;
		this.clock = clock;
	}

	/**
	 * What a link would unsubscribe from, without doing it.
	 * @throws NotificationLinkProblem if the link is not valid
	 */
	public Link check(String token) {
		return this.links.read(token, Purpose.UNSUBSCRIBE);
	}

	/**
	 * Unsubscribes; doing it twice changes nothing.
	 * @throws NotificationLinkProblem if the link is not valid
	 */
	@Transactional
	public Link unsubscribe(String token) {
		Link link = check(token);
		if (link.scope().startsWith("kind:")) {
			this.preferences.switchOff(link.recipient(), link.scope().substring("kind:".length()));
		}
		else {
			this.optOuts.add(link.recipient(), link.scope(), this.clock.instant());
		}
		return link;
	}

	/** Words for a page: what the link stops. */
	public static String describe(Link link) {
		String scope = link.scope();
		if (scope.startsWith("thread:")) {
			return "mails about replies to this comment";
		}
		if (scope.equals("kind:" + AuthorPreference.NEW_COMMENT)) {
			return "mails about new comments on your posts";
		}
		if (scope.equals("kind:" + AuthorPreference.HELD)) {
			return "mails about comments held for review";
		}
		return "every mail from Moderato to this address";
	}

}
