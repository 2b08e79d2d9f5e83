/**
 * Brings a blog's comment history in from WordPress, Disqus, Isso, Remark42, Commento or a Moderato export.
 */
@NullMarked
package dev.moderato.imports;

import org.jspecify.annotations.NullMarked;
