package dev.moderato.system;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for the service's edges.
 *
 * @param maxBodySize the largest request body the API reads (413 beyond)
 * @param allowedOrigins origins (or origin patterns) whose pages may call the public API from a browser, e.g. the blog's
 * {@code https://blog.example}; none by default, so a browser on another site gets no CORS grant until they are named
 * ({@code *} allows any)
 * @param outboxResubmitInterval how often unpublished outbox events are sent again
 * @param submissionsPerMinute public submissions (comments, privacy requests) one network (/24 or /48) may make per
 * minute before it gets 429; loopback peers (the dev run, a sidecar proxy) are not limited
 * @param commentsPerEmailPerHour comments one commenter email may submit per hour, from any network, before 429
 * @param outboxRetention how long a completed outbox event (it carries the commenter's name, url and text) is kept
 * before it is deleted
 */
@Validated
@ConfigurationProperties("moderato.system")
record SystemSettings(@DefaultValue("64KB") @NotNull DataSize maxBodySize, @DefaultValue List<String> allowedOrigins,
		@DefaultValue("30s") @NotNull Duration outboxResubmitInterval,
		@DefaultValue("20") @jakarta.validation.constraints.Min(1) int submissionsPerMinute,
		@DefaultValue("20") @jakarta.validation.constraints.Min(1) int commentsPerEmailPerHour,
		@DefaultValue("7d") @NotNull Duration outboxRetention) {
}
