package dev.moderato.moderation.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.moderation.RecordTrace;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The traces a poll's submissions came with. spring-kafka observes record listeners only, so for a batch listener
 * each record's trace context is read from its headers here: one consumer span per record, continuing the trace intake
 * started, entered while that record's verdict is logged and announced.
 */
@Component
class SubmissionTraces {

	private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> {
		Header header = headers.lastHeader(key);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	};

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	SubmissionTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable();
		this.propagator = propagator.getIfAvailable();
	}

	Poll of(List<ConsumerRecord<String, byte[]>> records) {
		return new Poll(records.size());
	}

	/** The spans of one poll, ended when it is closed. */
	final class Poll implements RecordTrace, AutoCloseable {

		private final Map<UUID, Span> spans;

		Poll(int size) {
			this.spans = new HashMap<>(size * 2);
		}

		void add(UUID commentId, ConsumerRecord<String, byte[]> record) {
			if (SubmissionTraces.this.tracer == null || SubmissionTraces.this.propagator == null) {
				return;
			}
			Span span = SubmissionTraces.this.propagator.extract(record.headers(), HEADERS)
				.name(record.topic() + " receive")
				.kind(Span.Kind.CONSUMER)
				.start();
			this.spans.put(commentId, span);
		}

		@Override
		public Scope enter(UUID commentId) {
			Span span = this.spans.get(commentId);
			if (span == null || SubmissionTraces.this.tracer == null) {
				return NONE.enter(commentId);
			}
			Tracer.SpanInScope scope = SubmissionTraces.this.tracer.withSpan(span);
			return scope::close;
		}

		@Override
		public void close() {
			this.spans.values().forEach(Span::end);
		}

	}

}
