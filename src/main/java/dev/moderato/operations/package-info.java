/**
 * What operators need to run Moderato: instance roles, Kafka health, backlog metrics and dead-letter replay.
 */
@NullMarked
package dev.moderato.operations;

import org.jspecify.annotations.NullMarked;
