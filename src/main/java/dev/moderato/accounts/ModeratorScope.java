package dev.moderato.accounts;

import java.util.Set;

import dev.moderato.posts.PostId;
import org.jspecify.annotations.Nullable;

/**
 * What the caller may moderate.
 *
 * @param actor who acts, for the audit log
 * @param admin whether the caller is an admin
 * @param posts the posts it may moderate; {@code null} for every post
 */
public record ModeratorScope(String actor, boolean admin, @Nullable Set<PostId> posts) {

	public boolean mayModerate(PostId post) {
		return this.posts == null || this.posts.contains(post);
	}

}
