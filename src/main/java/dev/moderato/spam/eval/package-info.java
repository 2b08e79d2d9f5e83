/**
 * The spam engine's evaluation command ({@code exec:java@spam-eval}): precision, recall, MCC and throughput on
 * labelled CSV comments, without Spring.
 */
@NullMarked
package dev.moderato.spam.eval;

import org.jspecify.annotations.NullMarked;
