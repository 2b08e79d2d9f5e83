/**
 * The blogs Moderato serves: their origins, the URL prefixes their posts live under, their default author and their
 * comment rules.
 */
@NullMarked
package dev.moderato.sites;

import org.jspecify.annotations.NullMarked;
