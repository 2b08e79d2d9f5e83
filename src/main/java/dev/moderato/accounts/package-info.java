/**
 * Who may moderate what: admin and moderator accounts, their post restrictions, and personal API tokens.
 */
@NullMarked
package dev.moderato.accounts;

import org.jspecify.annotations.NullMarked;
