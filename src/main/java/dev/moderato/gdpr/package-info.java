/**
 * A commenter's rights and the service's retention duties: GDPR export and erase (admin and self-service), email key rotation, IP and held/spam retention.
 */
@NullMarked
package dev.moderato.gdpr;

import org.jspecify.annotations.NullMarked;
