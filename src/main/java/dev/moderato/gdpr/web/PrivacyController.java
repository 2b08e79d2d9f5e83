package dev.moderato.gdpr.web;

import dev.moderato.gdpr.CommenterData;
import dev.moderato.gdpr.CommenterExport;
import dev.moderato.gdpr.Erasure;
import dev.moderato.gdpr.KeyRotation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins' privacy tools: export and erase everything stored about an email address (given in the body, never in a
 * URL), and re-encrypt stored emails with the active key. Admin only ({@code SecurityConfiguration}).
 */
@RestController
class PrivacyController {

	private final CommenterData data;

	private final KeyRotation rotation;

	PrivacyController(CommenterData data, KeyRotation rotation) {
		this.data = data;
		this.rotation = rotation;
	}

	record Subject(@NotBlank @Email @Size(max = 254) String email, @Nullable Boolean removeText) {
	}

	@PostMapping("/api/v1/privacy/export")
	CommenterExport export(@Valid @RequestBody Subject subject) {
		return this.data.export(subject.email());
	}

	@PostMapping("/api/v1/privacy/erase")
	Erasure erase(@Valid @RequestBody Subject subject) {
		return this.data.erase(subject.email(), Boolean.TRUE.equals(subject.removeText()));
	}

	@PostMapping("/api/v1/privacy/rotate-keys")
	ResponseEntity<KeyRotation.Report> rotateKeys() {
		return ResponseEntity.status(HttpStatus.OK).body(this.rotation.rotate());
	}

}
