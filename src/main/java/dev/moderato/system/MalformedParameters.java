package dev.moderato.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not valid percent-encoded UTF-8 ({@code ?cursor=%%}, {@code q=a%a%}) with a 400
 * problem naming the parameter, before anything reads the parameters: Tomcat would otherwise fail the first
 * {@code getParameter} call of whichever filter or controller came first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedParameters extends OncePerRequestFilter {

	static final String MESSAGE = "is not valid percent-encoded UTF-8";

	private static final Pattern TOMCAT_NAME = Pattern.compile("Parameter \\[([^\\]]{1,100})\\]");

	private final JsonMapper json;

	MalformedParameters(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> malformed = malformed(request.getQueryString());
		if (malformed.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = problem(malformed.get());
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/** The name of the first parameter that cannot be decoded ({@code query} if its name cannot be either). */
	static Optional<String> malformed(@Nullable String query) {
		if (query == null || query.isEmpty()) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			if (name == null || value == null) {
				return Optional.of(name == null || !PLAIN_NAME.matcher(name).matches() ? "query" : name);
			}
		}
		return Optional.empty();
	}

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._\\-\\[\\]]{1,100}");

	/** The parameter Tomcat names in its message, if it looks like one of ours. */
	static String nameIn(@Nullable String tomcatMessage) {
		Matcher matcher = TOMCAT_NAME.matcher(tomcatMessage == null ? "" : tomcatMessage);
		return matcher.find() && PLAIN_NAME.matcher(matcher.group(1)).matches() ? matcher.group(1) : "query";
	}

	static ProblemDetail problem(String parameter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid " + parameter + ".");
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", parameter, "message", MESSAGE)));
		return problem;
	}

	/** Strict form decoding: every {@code %} starts two hex digits and the bytes are well-formed UTF-8. */
	private static @Nullable String decode(String encoded) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c > 0xFF) {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
			else {
				bytes.write(c == '+' ? ' ' : c);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
