package dev.moderato.gdpr;

/**
 * What an erase changed.
 *
 * @param comments comments anonymised (they stay, by "deleted")
 * @param commenterPolicies trust and bans deleted
 * @param spamFeedback logged spam decisions anonymised
 * @param textRemoved whether the comments' texts were replaced by "[deleted]"
 */
public record Erasure(int comments, int commenterPolicies, int spamFeedback, boolean textRemoved) {
}
