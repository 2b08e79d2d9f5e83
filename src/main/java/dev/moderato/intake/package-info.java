/**
 * Takes comments from blog frontends and puts each, durably, on the {@code comments.submitted} Kafka topic.
 */
@NullMarked
package dev.moderato.intake;

import org.jspecify.annotations.NullMarked;
