package dev.moderato.sites.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.moderato.sites.Site;
import dev.moderato.sites.SiteId;
import dev.moderato.sites.Sites;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API to register the blogs that take comments: their origins, the URL prefixes of their posts, their default
 * author and their comment rules.
 */
@RestController
class SiteController {

	private static final String LIST_REQUIRED = "is required: a list, [] for none";

	private final Sites sites;

	SiteController(Sites sites) {
		this.sites = sites;
	}

	@PutMapping(path = "/api/v1/sites/{siteId}", consumes = "application/json")
	ResponseEntity<?> register(@PathVariable @Pattern(regexp = SiteId.PATTERN) String siteId,
			@Valid @RequestBody SiteForm form) {
		List<Map<String, String>> errors = new ArrayList<>();
		List<String> origins = origins(form.origins(), errors);
		List<String> prefixes = prefixes(form.postUrlPrefixes(), origins, errors);
		if (!errors.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"Invalid " + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".");
			problem.setTitle("Invalid request");
			problem.setProperty("errors", errors);
			return ResponseEntity.badRequest().body(problem);
		}
		Site site = new Site(new SiteId(siteId), form.name().strip(), origins, prefixes, blankToNull(form.authorName()),
				blankToNull(form.authorEmail()), Boolean.TRUE.equals(form.createPostsOnFirstUse()), form.closeAfterDays());
		boolean created = this.sites.save(site);
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(SiteView.of(site));
	}

	@GetMapping("/api/v1/sites")
	List<SiteView> list() {
		return this.sites.list().stream().map(SiteView::of).toList();
	}

	@GetMapping("/api/v1/sites/{siteId}")
	ResponseEntity<?> read(@PathVariable String siteId) {
		Optional<Site> site = SiteId.isValid(siteId) ? this.sites.find(new SiteId(siteId)) : Optional.empty();
		if (site.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"No site with id '" + siteId + "' is registered.");
			problem.setTitle("Unknown site");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		return ResponseEntity.ok(SiteView.of(site.get()));
	}

	/** Each origin exactly {@code scheme://host[:port]}, http or https, in lower case, without the default port. */
	private static List<String> origins(List<String> given, List<Map<String, String>> errors) {
		LinkedHashSet<String> origins = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String origin = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
			if (Site.originOf(origin).filter(origin::equals).isEmpty()) {
				errors.add(Map.of("field", "origins[" + i + "]", "message",
						"must be an origin: http or https://host[:port], no path and no default port"));
			}
			else {
				origins.add(origin);
			}
		}
		return List.copyOf(origins);
	}

	/** Each prefix an absolute http(s) URL on one of the site's origins, kept in its normalised form. */
	private static List<String> prefixes(List<String> given, List<String> origins, List<Map<String, String>> errors) {
		LinkedHashSet<String> prefixes = new LinkedHashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String prefix = given.get(i) == null ? "" : given.get(i).strip();
			Optional<String> normal = Site.originOf(prefix).isPresent() && !prefix.contains("?")
					&& !prefix.contains("#") ? normalisePrefix(prefix) : Optional.empty();
			if (normal.isEmpty()) {
				errors.add(Map.of("field", "postUrlPrefixes[" + i + "]", "message",
						"must be an absolute http or https URL without query or fragment"));
			}
			else if (!origins.contains(Site.originOf(normal.get()).orElseThrow())) {
				errors.add(Map.of("field", "postUrlPrefixes[" + i + "]", "message",
						"must be on one of the site's origins"));
			}
			else {
				prefixes.add(normal.get());
			}
		}
		return List.copyOf(prefixes);
	}

	/** The prefix with its origin part normalised ({@code HTTPS://Blog.Example:443/a} → {@code https://blog.example/a}). */
	private static Optional<String> normalisePrefix(String prefix) {
		int start = prefix.indexOf("://") + 3;
		int path = prefix.indexOf('/', start);
		String rest = path < 0 ? "/" : prefix.substring(path);
		if (rest.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
			return Optional.empty();
		}
		return Site.originOf(prefix).map(origin -> origin + rest);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record SiteForm(@NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
			// required, as PUT replaces the site: a body without them must not wipe them
			@NotNull(message = LIST_REQUIRED) @Size(max = 20) List<String> origins,
			@NotNull(message = LIST_REQUIRED) @Size(max = 50) List<String> postUrlPrefixes,
			@Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") @Nullable String authorName,
			@Size(max = 254) @Email @Pattern(regexp = "[^\\p{Cntrl}\\s]*", message = "must not contain control characters or spaces") @Nullable String authorEmail,
			@Nullable Boolean createPostsOnFirstUse,
			@Min(value = 1, message = "must be at least 1 day") @Max(36500) @Nullable Integer closeAfterDays) {
	}

	/** @param authorEmail shown to admins only: every endpoint that answers with this is an admin one */
	record SiteView(String id, String name, List<String> origins, List<String> postUrlPrefixes,
			@Nullable String authorName, @Nullable String authorEmail, boolean createPostsOnFirstUse,
			@Nullable Integer closeAfterDays) {

		static SiteView of(Site site) {
			return new SiteView(site.id().value(), site.name(), site.origins(), site.postUrlPrefixes(),
					site.authorName(), site.authorEmail(), site.createPostsOnFirstUse(), site.closeAfterDays());
		}

	}

}
