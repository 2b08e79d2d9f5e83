package dev.moderato.privacy;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Secrets that protect commenter identities. They come from the environment
 * ({@code MODERATO_PRIVACY_HASH_KEY}, {@code MODERATO_PRIVACY_EMAILKEYS_<ID>}, {@code MODERATO_PRIVACY_ACTIVE_KEY_ID});
 * there are deliberately no production defaults.
 *
 * @param emailKeys AES-256 keys (Base64, 32 bytes) by key id; old ids stay listed so older ciphertexts still decrypt
 * @param activeKeyId the key id new emails are encrypted with
 * @param hashKey HMAC-SHA256 key (Base64, at least 32 bytes) for lookup hashes of emails and IP addresses
 */
@Validated
@ConfigurationProperties("moderato.privacy")
record PrivacySettings(@NotEmpty Map<String, String> emailKeys, @NotBlank String activeKeyId, @NotBlank String hashKey) {
}
