package dev.moderato.imports;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for imports.
 *
 * @param maxUploadSize the largest file {@code POST /api/v1/imports} takes (413 beyond); the API's general body limit
 * does not apply to it
 */
@Validated
@ConfigurationProperties("moderato.imports")
record ImportSettings(@DefaultValue("2GB") @NotNull DataSize maxUploadSize) {
}
