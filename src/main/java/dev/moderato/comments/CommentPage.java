package dev.moderato.comments;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a queue, and the cursor for the next one ({@code null} on the last page).
 */
public record CommentPage(List<Comment> items, CommentQuery.@Nullable Cursor next) {
}
