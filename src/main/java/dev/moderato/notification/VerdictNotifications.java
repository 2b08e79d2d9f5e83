package dev.moderato.notification;

import java.util.List;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.RecordTrace;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications a poll's verdicts call for, recorded in one transaction: the post author's mail or digest entry
 * and the reply notifications of each, each in the trace its verdict came with. The authors' choices are read once
 * per poll.
 */
@Service
public class VerdictNotifications {

	private final AuthorNotifications authors;

	private final ReplyNotifications replies;

	VerdictNotifications(AuthorNotifications authors, ReplyNotifications replies) {
		this.authors = authors;
		this.replies = replies;
	}

	/**
	 * Records what each verdict calls for, in order; an exception records nothing of them. Each is recorded at most
	 * once per event, so verdicts delivered again repeat nothing.
	 * @param traces the verdicts' traces, by event id
	 */
	@Transactional
	public void on(List<CommentModerated> verdicts, RecordTrace traces) {
		AuthorNotifications.Authors authors = new AuthorNotifications.Authors();
		for (CommentModerated verdict : verdicts) {
			try (RecordTrace.Scope trace = traces.enter(verdict.eventId())) {
				this.authors.on(verdict, authors);
				this.replies.on(verdict);
			}
		}
	}

}
