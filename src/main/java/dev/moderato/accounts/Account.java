package dev.moderato.accounts;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.moderato.posts.PostId;

/**
 * A moderator or admin account.
 *
 * @param posts the posts it may moderate; empty means every post
 */
public record Account(UUID id, String username, Set<Role> roles, boolean enabled, Set<PostId> posts) {

	public Account {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		roles = Set.copyOf(roles);
		posts = Set.copyOf(posts);
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

}
