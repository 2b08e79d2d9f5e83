package dev.moderato.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import dev.moderato.system.ScrubbedError;
import dev.moderato.system.UnreadableRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * How a batch listener of {@code comments.moderated} (notifications, webhooks) takes a poll: the verdicts handed to its
 * work in one call (one transaction), each in the trace its record came with. A record that cannot be read fails
 * alone ({@link BatchListenerFailedException} with its index): the verdicts before it are handled, it goes to the
 * dead-letter topic, the ones after it come again. If the call fails, the verdicts are handled one at a time, so the
 * one that fails is the one the error handler retries (the database away: until it is back) or dead-letters.
 */
@Component
public class VerdictPolls {

	/**
	 * For the listeners of {@code comments.moderated} that act after a verdict (notifications, webhooks, spam learning):
	 * a fetch waits for this many bytes ({@link #FETCH_MAX_WAIT} at most), so under load a poll carries tens of verdicts
	 * and its transaction and offset commit are shared by them, instead of a poll, a transaction and a commit for every
	 * few. A mail or webhook leaves that much later; the verdict itself is not delayed (its listener fetches eagerly).
	 */
	public static final String FETCH_MIN_BYTES = "fetch.min.bytes=65536";

	/** How long a fetch of those listeners waits for {@link #FETCH_MIN_BYTES}, at most. */
	public static final String FETCH_MAX_WAIT = "fetch.max.wait.ms=200";

	private static final Logger log = LoggerFactory.getLogger(VerdictPolls.class);

	private final JsonMapper json;

	private final RecordTraces traces;

	VerdictPolls(JsonMapper json, RecordTraces traces) {
		this.json = json;
		this.traces = traces;
	}

	/**
	 * @param what what the work does, for the warning when a poll falls back to one verdict at a time
	 * @param work handles verdicts in one transaction, entering each one's trace by its event id
	 */
	public void take(List<ConsumerRecord<String, byte[]>> records, String what,
			BiConsumer<List<CommentModerated>, RecordTrace> work) {
		List<CommentModerated> verdicts = new ArrayList<>(records.size());
		try (RecordTraces.Poll traces = this.traces.of(records)) {
			for (int i = 0; i < records.size(); i++) {
				CommentModerated verdict;
				try {
					verdict = CommentModerated.read(this.json, records.get(i).value());
				}
				catch (UnreadableRecord ex) {
					handle(verdicts, traces, what, work);
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
				traces.add(verdict.eventId(), records.get(i));
				verdicts.add(verdict);
			}
			handle(verdicts, traces, what, work);
		}
	}

	private static void handle(List<CommentModerated> verdicts, RecordTrace traces, String what,
			BiConsumer<List<CommentModerated>, RecordTrace> work) {
		if (verdicts.isEmpty()) {
			return;
		}
		try {
			work.accept(verdicts, traces);
		}
		catch (RuntimeException pollFailed) {
			if (verdicts.size() == 1) {
				throw new BatchListenerFailedException(pollFailed.getMessage(), pollFailed, 0);
			}
			log.atWarn()
				.addKeyValue("records", verdicts.size())
				.log("A poll of verdicts failed ({}): {} one at a time", ScrubbedError.of(pollFailed), what);
			for (int i = 0; i < verdicts.size(); i++) {
				try {
					work.accept(List.of(verdicts.get(i)), traces);
				}
				catch (RuntimeException ex) {
					throw new BatchListenerFailedException(ex.getMessage(), ex, i);
				}
			}
		}
	}

}
