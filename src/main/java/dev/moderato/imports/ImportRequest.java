package dev.moderato.imports;

import java.util.Objects;

import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;

/**
 * What to import: a file of this format into this site, for real or as a dry run, and whether to teach the spam
 * engine from its decisions.
 *
 * @param by who started it (an admin's name, or {@code command line})
 */
public record ImportRequest(SiteId site, SourceFormat format, boolean dryRun, boolean learn, String by) {

	public ImportRequest {
		Objects.requireNonNull(site, "site");
		Objects.requireNonNull(format, "format");
	}

}
