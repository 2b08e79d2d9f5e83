package dev.moderato.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.moderato.sites.SiteId;
import org.jspecify.annotations.Nullable;

/**
 * A receiver of one site's comment events. Its signing secret is not part of it: it is shown once, when it is made.
 *
 * @param id its id
 * @param siteId the site whose comments it is told about
 * @param url where the events are posted
 * @param events what it is told about
 * @param description the admin's note
 * @param createdAt when it was registered
 * @param secretRotatedAt when its signing secret was made
 */
public record Webhook(UUID id, SiteId siteId, String url, List<EventType> events, @Nullable String description,
		Instant createdAt, Instant secretRotatedAt) {

	public Webhook {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(siteId, "siteId");
		Objects.requireNonNull(url, "url");
		events = List.copyOf(events);
	}

}
