/**
 * The comments themselves: the comment aggregate and its status, storage, and the public threaded read API.
 */
@NullMarked
package dev.moderato.comments;

import org.jspecify.annotations.NullMarked;
