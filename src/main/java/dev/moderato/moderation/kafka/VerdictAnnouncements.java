package dev.moderato.moderation.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.moderato.moderation.CommentModerated;
import dev.moderato.moderation.RecordTrace;
import dev.moderato.moderation.SubmissionModeration.Announcement;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Sends a poll's verdicts to {@code comments.moderated} (keyed by post id, {@code acks=all}) once they are committed,
 * all at once, and waits for every acknowledgement: the poll's offsets are committed only after this returns.
 */
@Component
class VerdictAnnouncements {

	/** Below the producer's delivery timeout plus a margin, far below {@code max.poll.interval.ms}. */
	private static final long TIMEOUT_MS = 10_000;

	private final KafkaOperations<Object, Object> kafka;

	private final JsonMapper json;

	VerdictAnnouncements(KafkaOperations<Object, Object> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/**
	 * Each verdict is sent inside its submission's trace.
	 * @throws NotAnnounced naming the first verdict Kafka did not acknowledge (those before it were)
	 */
	void announce(List<Announcement> announcements, RecordTrace traces) {
		List<CompletableFuture<?>> sent = new ArrayList<>(announcements.size());
		for (Announcement announcement : announcements) {
			CommentModerated event = announcement.event();
			try (RecordTrace.Scope trace = traces.enter(event.commentId())) {
				sent.add(this.kafka.send(new ProducerRecord<>(CommentModerated.TOPIC, event.postId(),
						this.json.writeValueAsBytes(event))));
			}
			catch (RuntimeException ex) {
				sent.add(CompletableFuture.failedFuture(ex));
			}
		}
		for (int i = 0; i < sent.size(); i++) {
			try {
				sent.get(i).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new NotAnnounced(announcements.get(i), ex);
			}
			catch (ExecutionException ex) {
				throw new NotAnnounced(announcements.get(i), ex.getCause() == null ? ex : ex.getCause());
			}
			catch (TimeoutException ex) {
				throw new NotAnnounced(announcements.get(i), ex);
			}
		}
	}

	/** Kafka did not acknowledge a verdict: its submission (and those after it) must come again. */
	static final class NotAnnounced extends RuntimeException {

		private final int index;

		NotAnnounced(Announcement announcement, Throwable cause) {
			super("Verdict on comment " + announcement.event().commentId() + " not announced: " + cause, cause);
			this.index = announcement.index();
		}

		int index() {
			return this.index;
		}

	}

}
