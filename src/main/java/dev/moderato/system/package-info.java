/**
 * What every module relies on at the edges: security, RFC 9457 problem responses, request limits, the clock and the outbox.
 */
@NullMarked
package dev.moderato.system;

import org.jspecify.annotations.NullMarked;
