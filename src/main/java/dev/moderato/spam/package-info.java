/**
 * Judges whether a comment is spam, and explains why: a pure-Java engine with no I/O in the scoring path.
 */
@NullMarked
package dev.moderato.spam;

import org.jspecify.annotations.NullMarked;
