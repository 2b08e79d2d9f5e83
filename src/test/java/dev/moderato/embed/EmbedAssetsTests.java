package dev.moderato.embed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;

import dev.moderato.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripts a blog includes are public, typed, cached and small; the dev run's demo page carries its strict policy.
 */
@IntegrationTest
class EmbedAssetsTests {

	@LocalServerPort
	int port;

	@Test
	void theEmbedAndCountScriptsArePublicTypedAndCachedWithAnETag() {
		for (String path : EmbedAssets.PATHS) {
			ResponseEntity<String> script = get(path, null);
			assertThat(script.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(script.getHeaders().getFirst("Content-Type")).startsWith("text/javascript");
			assertThat(script.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(script.getHeaders().getFirst("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
			assertThat(script.getHeaders().getCacheControl()).contains("max-age=3600", "public")
				.doesNotContain("no-store", "no-cache");
			String eTag = script.getHeaders().getETag();
			assertThat(eTag).isNotBlank();

			ResponseEntity<String> again = get(path, eTag);
			assertThat(again.getStatusCode()).as("revalidated").isEqualTo(HttpStatus.NOT_MODIFIED);
		}
	}

	@Test
	void theEmbedScriptStaysUnderTenKilobytesGzipped() throws IOException {
		assertThat(gzippedSize("static/embed.js")).isLessThan(10 * 1024);
		assertThat(gzippedSize("static/count.js")).isLessThan(1024);
	}

	@Test
	void theDemoPageIsServedWithAStrictContentSecurityPolicy() {
		ResponseEntity<String> page = get("/demo", null);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self';");
		assertThat(page.getBody()).contains("data-moderato-post=\"demo\"", "<script src=\"/embed.js\" async></script>")
			.doesNotContain("<style", "style=", "<script>");
	}

	private ResponseEntity<String> get(String path, String eTag) {
		return RestClient.create("http://localhost:" + this.port).get().uri(path)
			.headers(h -> {
				if (eTag != null) {
					h.setIfNoneMatch(eTag);
				}
			})
			.retrieve().onStatus(s -> true, (q, r) -> {
			}).toEntity(String.class);
	}

	private static int gzippedSize(String resource) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (InputStream in = new ClassPathResource(resource).getInputStream(); GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			in.transferTo(gzip);
		}
		return out.size();
	}

}
