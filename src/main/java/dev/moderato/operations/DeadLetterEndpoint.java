package dev.moderato.operations;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/deadletters} for admins: {@code GET} counts the records waiting in each dead-letter topic,
 * {@code GET /{topic}} lists the newest, {@code POST /{topic}} with {@code {"partition", "offset"}} replays one to the
 * topic it came from (after the cause was fixed). 404 if there is no such partition or record, 400 for a topic that is not a
 * dead-letter topic of this service.
 */
@Component
@Endpoint(id = "deadletters")
class DeadLetterEndpoint {

	private final DeadLetters deadLetters;

	DeadLetterEndpoint(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@ReadOperation
	Map<String, Long> sizes() throws Exception {
		return this.deadLetters.sizes();
	}

	@ReadOperation
	List<DeadLetters.DeadLetter> newest(@Selector String topic, @Nullable Integer limit) throws Exception {
		return this.deadLetters.newest(known(topic), limit == null ? 50 : Math.max(1, Math.min(limit, 500)));
	}

	@WriteOperation
	WebEndpointResponse<DeadLetters.Replayed> replay(@Selector String topic, int partition, long offset) throws Exception {
		return this.deadLetters.replay(known(topic), partition, offset)
			.map(WebEndpointResponse::new)
			.orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
	}

	private String known(String topic) {
		if (!this.deadLetters.topics().contains(topic)) {
			throw new InvalidEndpointRequestException("Not a dead-letter topic: " + topic,
					"Not a dead-letter topic of this service; one of " + this.deadLetters.topics());
		}
		return topic;
	}

}
