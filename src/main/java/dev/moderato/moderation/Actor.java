package dev.moderato.moderation;

import java.util.Objects;

import dev.moderato.accounts.ModeratorScope;

/**
 * Who is deciding, and on which posts they may.
 */
public record Actor(String name, ActorKind kind, ModeratorScope scope) {

	public Actor {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(scope, "scope");
	}

	public static Actor moderator(ModeratorScope scope) {
		return new Actor(scope.actor(), ActorKind.MODERATOR, scope);
	}

}
