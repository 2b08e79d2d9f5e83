package dev.moderato.comments.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves identicons (public, cacheable for a year: the picture of an id never changes).
 */
@RestController
class AvatarController {

	static final String PATH = "/api/v1/avatars/";

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	@GetMapping(PATH + "{id}.svg")
	ResponseEntity<?> avatar(@PathVariable String id) {
		if (!Identicon.ID.matcher(id).matches()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Not an avatar id.");
			problem.setTitle("Unknown avatar");
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		return ResponseEntity.ok()
			.contentType(SVG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.eTag("\"" + id + "\"")
			.body(Identicon.svg(id));
	}

}
