package dev.moderato.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.moderato.imports.formats.SourceFormat;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's import and export endpoints: {@code POST /api/v1/imports} (the file as the body, streamed to a temporary
 * file, at most {@code moderato.imports.max-upload-size}) starts a job, {@code GET /api/v1/imports/{id}} reports it,
 * {@code GET /api/v1/sites/{siteId}/export} streams a site out.
 */
@RestController
class ImportEndpoint {

	private final ImportJobs jobs;

	private final Sites sites;

	private final SiteExport export;

	private final long maxUpload;

	ImportEndpoint(ImportJobs jobs, Sites sites, SiteExport export, ImportSettings settings) {
		this.jobs = jobs;
		this.sites = sites;
		this.export = export;
		this.maxUpload = settings.maxUploadSize().toBytes();
	}

	@PostMapping("/api/v1/imports")
	ResponseEntity<?> start(@RequestParam(required = false) @Nullable String site,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean learn,
			HttpServletRequest request, Principal admin) throws IOException {
		List<Map<String, String>> errors = new ArrayList<>();
		if (!SiteId.isValid(site)) {
			errors.add(Map.of("field", "site", "message", "a site id (1 to 50 of a-z, 0-9 and '-') is required"));
		}
		SourceFormat sourceFormat = null;
		try {
			sourceFormat = SourceFormat.of(format == null ? "" : format);
		}
		catch (IllegalArgumentException ex) {
			errors.add(Map.of("field", "format", "message", "one of wxr, disqus, isso, remark42, commento, moderato"));
		}
		if (!errors.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The import's parameters are invalid", errors);
		}
		SiteId siteId = new SiteId(site);
		if (this.sites.find(siteId).isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Unknown site", "There is no site '" + site + "'", null);
		}
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
					"Send the file itself as the body (Content-Type: application/octet-stream, or its XML/JSON type)", null);
		}
		if (request.getContentLengthLong() > this.maxUpload) {
			return tooLarge();
		}
		Path file = Files.createTempFile("moderato-import-", "." + sourceFormat.id());
		try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
			if (!copy(in, out)) {
				Files.deleteIfExists(file);
				return tooLarge();
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		UUID id = this.jobs.start(new ImportRequest(siteId, sourceFormat, dryRun, learn, admin.getName()), file);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/imports/" + id))
			.body(Map.of("id", id.toString(), "state", "running"));
	}

	@GetMapping("/api/v1/imports/{id}")
	ResponseEntity<?> job(@PathVariable String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return problem(HttpStatus.NOT_FOUND, "Unknown import", "There is no import '" + id + "'", null);
		}
		return this.jobs.find(uuid).<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Unknown import", "There is no import '" + id + "'", null));
	}

	@GetMapping("/api/v1/sites/{siteId}/export")
	ResponseEntity<?> export(@PathVariable String siteId, @RequestParam(defaultValue = "moderato") String format,
			@RequestParam(defaultValue = "false") boolean emails, Principal admin, HttpServletResponse response)
			throws IOException {
		ExportFormat exportFormat;
		try {
			exportFormat = ExportFormat.of(format);
		}
		catch (IllegalArgumentException ex) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown export format",
					List.of(Map.of("field", "format", "message", "moderato or wxr")));
		}
		if (!SiteId.isValid(siteId) || this.sites.find(new SiteId(siteId)).isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Unknown site", "There is no site '" + siteId + "'", null);
		}
		response.setContentType(exportFormat.mediaType + ";charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"" + siteId + "-comments." + exportFormat.extension + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		this.export.write(new SiteId(siteId), exportFormat, emails, admin.getName(), response.getOutputStream());
		response.flushBuffer();
		return null;
	}

	/** Copies at most the limit. @return false if the body is larger */
	private boolean copy(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > this.maxUpload) {
				return false;
			}
			out.write(buffer, 0, n);
		}
		return true;
	}

	private ResponseEntity<ProblemDetail> tooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large",
				"An import file may be at most " + this.maxUpload + " bytes (moderato.imports.max-upload-size)", null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			@Nullable List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
