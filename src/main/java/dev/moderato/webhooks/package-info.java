/**
 * Tells a site's other systems, by signed HTTP calls, when its comments are published, held or decided.
 */
@NullMarked
package dev.moderato.webhooks;

import org.jspecify.annotations.NullMarked;
