package dev.moderato.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything stored about a commenter's email address was erased (GDPR): their comments stay, anonymised, and no
 * longer carry this hash. Modules that keep more about a commenter (subscriptions, sent mail) listen and delete
 * what they hold for this hash or these comments.
 *
 * @param emailHash the keyed hash the commenter's data was stored under (before the erase)
 * @param commentIds the comments that were anonymised
 * @param erasedAt when
 */
public record CommenterErased(EmailHash emailHash, List<UUID> commentIds, Instant erasedAt) {

	public CommenterErased {
		Objects.requireNonNull(emailHash, "emailHash");
		commentIds = List.copyOf(commentIds);
		Objects.requireNonNull(erasedAt, "erasedAt");
	}

}
