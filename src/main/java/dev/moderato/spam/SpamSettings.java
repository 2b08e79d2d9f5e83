package dev.moderato.spam;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The verdict policy: what a careful blog owner would choose by default.
 *
 * @param maxLinks more links than this hold a comment for review
 * @param holdFirstComment hold the first comment from an email that has no published comment yet
 * @param holdWords words or phrases that hold a comment for review (case-insensitive)
 * @param spamWords words or phrases that mark a comment as spam (case-insensitive)
 */
@Validated
@ConfigurationProperties("moderato.spam")
public record SpamSettings(@DefaultValue("2") @Min(0) int maxLinks, @DefaultValue("true") boolean holdFirstComment,
		@DefaultValue List<String> holdWords,
		@DefaultValue({ "viagra", "cialis", "casino", "payday loan", "crypto giveaway" }) List<String> spamWords) {
}
