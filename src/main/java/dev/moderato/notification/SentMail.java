package dev.moderato.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins see of the mail log: mails by status (failed ones above all), with their recipients, and a retry.
 */
@Service
public class SentMail {

	/** The statuses a notification can have, as the API names them. */
	public static final Set<String> STATUSES = Set.of("pending", "sending", "sent", "failed", "suppressed");

	/** One notification, recipient included: for admins only. */
	public record Item(UUID id, String kind, @Nullable UUID commentId, String recipient, String status, int attempts,
			@Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {
	}

	/** What a retry found. */
	public enum Retry {

		/** It was failed and is due again now. */
		SCHEDULED,

		/** It is not failed: nothing changed. */
		NOT_FAILED,

		NOT_FOUND

	}

	private final NotificationLog log;

	private final Clock clock;

	SentMail(NotificationLog log, Clock clock) {
		this.log = log;
		this.clock = clock;
	}

	/** Newest first. @param status one of {@link #STATUSES} */
	@Transactional(readOnly = true)
	public List<Item> inStatus(String status, int limit) {
		return this.log.inStatus(status.toUpperCase(Locale.ROOT), limit).stream()
			.map(e -> new Item(e.id(), e.kind(), e.commentId(), e.recipient(), e.status().toLowerCase(Locale.ROOT),
					e.attempts(), e.lastError(), e.createdAt(), e.sentAt()))
			.toList();
	}

	/** Sends a failed mail again, with a fresh set of tries. */
	@Transactional
	public Retry retry(UUID id) {
		Optional<String> was = this.log.retryFailed(id, this.clock.instant());
		return was.map(s -> "FAILED".equals(s) ? Retry.SCHEDULED : Retry.NOT_FAILED).orElse(Retry.NOT_FOUND);
	}

}
