package dev.moderato.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.moderato.moderation.CommentModerated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which webhook events a verdict or a decision makes, and when a failed call is tried again.
 */
class EventTypeTests {

	private static CommentModerated moderated(String previous, String status, String actorKind) {
		return new CommentModerated(CommentModerated.VERSION, UUID.randomUUID(), UUID.randomUUID(), "post", null, status,
				previous, 0.1, List.of(), actorKind.equals("engine") ? "engine" : "mo", actorKind, "Ann", null, "Hi.",
				Instant.now());
	}

	@Test
	void theSpamFiltersVerdictPublishesOrHoldsAndSpamTellsNobody() {
		assertThat(EventType.of(moderated("pending", "approved", "engine"))).containsExactly(EventType.PUBLISHED);
		assertThat(EventType.of(moderated("pending", "held", "engine"))).containsExactly(EventType.HELD);
		assertThat(EventType.of(moderated("pending", "spam", "engine"))).isEmpty();
	}

	@Test
	void aPersonsDecisionIsDecidedAndAnApprovalAlsoPublishes() {
		assertThat(EventType.of(moderated("held", "approved", "moderator"))).containsExactly(EventType.PUBLISHED,
				EventType.DECIDED);
		assertThat(EventType.of(moderated("spam", "approved", "email-link"))).containsExactly(EventType.PUBLISHED,
				EventType.DECIDED);
		assertThat(EventType.of(moderated("approved", "rejected", "moderator"))).containsExactly(EventType.DECIDED);
		assertThat(EventType.of(moderated("held", "spam", "email-link"))).containsExactly(EventType.DECIDED);
		assertThat(EventType.of(moderated("approved", "deleted", "moderator"))).containsExactly(EventType.DECIDED);
	}

	@Test
	void failedCallsAreTriedAgainAfterTheConfiguredDelaysTheLastRepeating() {
		WebhookSettings settings = new WebhookSettings(false, Duration.ofSeconds(1), 20, 8,
				List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
						Duration.ofHours(6)),
				Duration.ofSeconds(5), Duration.ofSeconds(10), 20);
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(settings::retryDelay)).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1),
				Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6));
		assertThat(settings.lease()).isGreaterThan(Duration.ofSeconds(15));
	}

}
