package dev.moderato.comments;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a post's public thread, read in one snapshot.
 *
 * @param version the thread's version, changed by every change to what the thread shows
 * @param count how many comments the whole thread publishes (replies included)
 * @param comments this page's top-level comments, each with its replies
 * @param next where the next page starts; {@code null} on the last page
 */
public record PublishedThread(long version, int count, List<ThreadComment> comments, ThreadQuery.@Nullable Cursor next) {
}
