/**
 * Keeps commenters private: email encryption at rest, keyed lookup hashes and truncated IP addresses.
 */
@NullMarked
package dev.moderato.privacy;

import org.jspecify.annotations.NullMarked;
