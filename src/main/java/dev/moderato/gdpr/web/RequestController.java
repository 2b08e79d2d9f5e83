package dev.moderato.gdpr.web;

import java.util.Map;

import dev.moderato.gdpr.RequestKind;
import dev.moderato.gdpr.SelfService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A commenter asks for an export or an erase of their own address (public). The answer is always the same 202,
 * whether the address is known, unknown, or asked too often: the confirmation link in the mail is the proof that
 * the asker owns the address.
 */
@RestController
class RequestController {

	static final Map<String, String> ACCEPTED = Map.of("status", "accepted", "message",
			"If this is a valid address, a confirmation link is on its way to it. It works once, for a limited time.");

	private final SelfService selfService;

	RequestController(SelfService selfService) {
		this.selfService = selfService;
	}

	record Request(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Pattern(regexp = "export|erase", message = "must be export or erase") String kind) {
	}

	@PostMapping("/api/v1/privacy/requests")
	ResponseEntity<Map<String, String>> request(@Valid @RequestBody Request request) {
		RequestKind kind = RequestKind.parse(request.kind()).orElseThrow();
		this.selfService.request(request.email(), kind);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
	}

}
