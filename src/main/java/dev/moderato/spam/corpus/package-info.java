/**
 * Labelled comment corpora: the bundled YouTube Spam Collection and a CSV reader, for training and evaluation.
 */
@NullMarked
package dev.moderato.spam.corpus;

import org.jspecify.annotations.NullMarked;
