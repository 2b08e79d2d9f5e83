/**
 * Readers of other comment systems' export files, each into the same neutral {@link SourcePost} and
 * {@link SourceComment} records, streamed one record at a time.
 */
@NullMarked
package dev.moderato.imports.formats;

import org.jspecify.annotations.NullMarked;
