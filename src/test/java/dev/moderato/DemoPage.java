package dev.moderato;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev run's demo blog post ({@code /demo}): a short film review with the embed under it, served with a strict
 * Content-Security-Policy ({@link #CSP}, set by {@code DevServices}) to show the embed needs nothing more than its own
 * origin. Only in src/test: never in the production jar.
 */
@RestController
class DemoPage {

	static final String POST_ID = "demo";

	static final String POST_TITLE = "Tokyo Story, seventy years on";

	static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	@GetMapping(path = "/demo", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page() throws IOException {
		String html = read("demo/index.html").replace("{{postId}}", POST_ID).replace("{{csp}}", HtmlUtils.htmlEscape(CSP));
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML).body(html);
	}

	@GetMapping(path = "/demo/demo.css", produces = "text/css")
	ResponseEntity<String> css() throws IOException {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.valueOf("text/css"))
			.body(read("demo/demo.css"));
	}

	private static String read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
