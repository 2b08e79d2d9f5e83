package dev.moderato.webhooks;

import dev.moderato.sites.SiteId;

/**
 * No site with that id is registered.
 */
public class UnknownSite extends RuntimeException {

	public UnknownSite(SiteId id) {
		super("No site with id " + id + ".");
	}

}
