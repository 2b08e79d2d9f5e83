/**
 * Decides each submitted comment's fate: reads {@code comments.submitted}, validates, scores and stores it, and
 * announces the verdict on {@code comments.moderated}.
 */
@NullMarked
package dev.moderato.moderation;

import org.jspecify.annotations.NullMarked;
