/**
 * Tells people what happened by email: reads {@code comments.moderated}, records each notification once, and sends it
 * reliably with retries.
 */
@NullMarked
package dev.moderato.notification;

import org.jspecify.annotations.NullMarked;
