package dev.moderato.moderation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The traces a poll's records came with. spring-kafka observes record listeners only, so for a batch listener each
 * record's trace context is read from its headers here: one consumer span per record, continuing the trace intake
 * started, entered while that record's work is logged (a verdict, a notification), so one trace id follows a comment
 * from its request through moderation to its mail.
 */
@Component
public class RecordTraces {

	private static final Propagator.Getter<Headers> HEADERS = (headers, key) -> {
		Header header = headers.lastHeader(key);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	};

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	RecordTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer.getIfAvailable();
		this.propagator = propagator.getIfAvailable();
	}

	public Poll of(List<? extends ConsumerRecord<?, ?>> records) {
		return new Poll(records.size());
	}

	/** The spans of one poll, ended when it is closed. */
	public final class Poll implements RecordTrace, AutoCloseable {

		private final Map<UUID, Span> spans;

		Poll(int size) {
			this.spans = new HashMap<>(size * 2);
		}

		/** Starts the span of a record, entered by {@link #enter} with the id it is kept under. */
		public void add(UUID id, ConsumerRecord<?, ?> record) {
			if (RecordTraces.this.tracer == null || RecordTraces.this.propagator == null || this.spans.containsKey(id)) {
				return; // (the same record twice in a poll: its first span stands for both)
			}
			Span span = RecordTraces.this.propagator.extract(record.headers(), HEADERS)
				.name(record.topic() + " receive")
				.kind(Span.Kind.CONSUMER)
				.start();
			this.spans.put(id, span);
		}

		@Override
		public Scope enter(UUID commentId) {
			Span span = this.spans.get(commentId);
			if (span == null || RecordTraces.this.tracer == null) {
				return NONE.enter(commentId);
			}
			Tracer.SpanInScope scope = RecordTraces.this.tracer.withSpan(span);
			return scope::close;
		}

		@Override
		public void close() {
			this.spans.values().forEach(Span::end);
		}

	}

}
