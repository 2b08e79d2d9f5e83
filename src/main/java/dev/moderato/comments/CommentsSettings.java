package dev.moderato.comments;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the public thread is served.
 *
 * @param threadVersionTtl how long an instance trusts a thread version it read: a change made on this instance is
 * seen at once, one made on another instance within this time (shared caches may keep a thread 10 s anyway)
 * @param threadCacheSize memory for rendered thread pages, each kept under the version it was read at
 */
@Validated
@ConfigurationProperties("moderato.comments")
public record CommentsSettings(@DefaultValue("1s") @NotNull Duration threadVersionTtl,
		@DefaultValue("64MB") @NotNull DataSize threadCacheSize) {
}
