package dev.moderato.moderation.web;

import java.util.List;
import java.util.UUID;

import dev.moderato.moderation.AuditLog;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log, for admins: newest first, by comment or actor, paged with {@code before}.
 */
@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/moderation/audit")
	List<AuditLog.Entry> entries(@RequestParam(required = false) UUID comment, @RequestParam(required = false) String actor,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
		return this.audit.find(comment, actor, before, limit);
	}

}
