package dev.moderato.posts;

import java.time.Instant;

/**
 * A post as admins see it.
 *
 * @param post the post
 * @param createdAt when it was registered or created on first use; the site's "close after N days" counts from here
 * @param commentsClosed whether an admin closed its comments
 * @param commentsOpen whether it takes comments now: not closed by an admin nor by its site's age limit
 */
public record PostStatus(Post post, Instant createdAt, boolean commentsClosed, boolean commentsOpen) {
}
