/**
 * The blog posts comments belong to: their title, address and author, registered by an admin.
 */
@NullMarked
package dev.moderato.posts;

import org.jspecify.annotations.NullMarked;
