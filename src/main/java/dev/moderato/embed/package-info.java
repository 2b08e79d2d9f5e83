/**
 * What a blog puts on its pages: the embed script (thread and form) and the count script, served publicly and cached.
 */
@NullMarked
package dev.moderato.embed;

import org.jspecify.annotations.NullMarked;
