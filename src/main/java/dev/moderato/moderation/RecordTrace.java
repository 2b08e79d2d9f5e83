package dev.moderato.moderation;

import java.util.UUID;

/**
 * The trace a submission came with, entered while its verdict is logged and announced, so one trace id follows a
 * comment from the request to the verdict even when submissions are judged a batch at a time.
 */
@FunctionalInterface
public interface RecordTrace {

	/** No trace: the verdicts log under whatever is current. */
	RecordTrace NONE = comment -> () -> {
	};

	/** Makes the trace of the submission of this comment current until the scope is closed. */
	Scope enter(UUID commentId);

	/** An entered trace. */
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
