package dev.moderato.accounts;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session over real HTTP: keeps cookies, follows no redirects, signs in through the form with its CSRF token.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	Browser(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build());
	}

	/** @return where the sign-in redirected to */
	String signIn(String username, String password) {
		HttpResponse<String> page = get("/login");
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		return response.headers().firstValue("Location").orElse("");
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
