/**
 * Where the webhooks module reads the verdicts and decisions it tells other systems about.
 */
@NullMarked
package dev.moderato.webhooks.kafka;

import org.jspecify.annotations.NullMarked;
