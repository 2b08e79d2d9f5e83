package dev.moderato.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over the configured size with 413, whether the size is declared or the body is streamed.
 * Runs after the CORS filter, whose headers it keeps, so a blog frontend on another origin can read the 413.
 * <p>
 * A declared size ({@code Content-Length}) is checked before anything is read, and Tomcat never reads a body past it;
 * only a body of unknown length (chunked) is wrapped, to be counted as it is read. So a request without a body, such
 * as every public read, or with a declared one within the limit, passes through as it came.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimit extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	BodySizeLimit(SystemSettings settings, JsonMapper json) {
		this.limit = settings.maxBodySize().toBytes();
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// an import's file has its own, larger limit (moderato.imports.max-upload-size), enforced as it is streamed
		return !request.getRequestURI().startsWith("/api/") || request.getRequestURI().equals("/api/v1/imports");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			reject(request, response);
			return;
		}
		if (!unknownLength(request, declared)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new Limited(request, this.limit), response);
		}
		catch (BodyTooLarge ex) {
			if (!response.isCommitted()) {
				resetKeepingCors(response);
				reject(request, response);
			}
		}
		catch (ServletException | RuntimeException ex) {
			if (causedByTooLarge(ex) && !response.isCommitted()) {
				resetKeepingCors(response);
				reject(request, response);
				return;
			}
			throw ex;
		}
	}

	/**
	 * A body whose length is not declared: chunked, or any other transfer coding. Without {@code Content-Length} or
	 * {@code Transfer-Encoding} an HTTP/1.1 request has no body (RFC 9112, 6.3); an HTTP/2 one may, so it is counted.
	 */
	static boolean unknownLength(HttpServletRequest request, long declared) {
		return declared < 0 && (request.getHeader("Transfer-Encoding") != null || !"HTTP/1.1".equals(request.getProtocol()));
	}

	/** Drops what the controller began to answer, but not the CORS headers set before, so a browser can read the 413. */
	private static void resetKeepingCors(HttpServletResponse response) {
		Map<String, List<String>> cors = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (name.regionMatches(true, 0, "Access-Control-", 0, 15) || "Vary".equalsIgnoreCase(name)) {
				cors.putIfAbsent(name, List.copyOf(response.getHeaders(name)));
			}
		}
		response.reset();
		cors.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
	}

	static boolean causedByTooLarge(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + this.limit + " bytes.");
		problem.setTitle("Request body too large");
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Connection", "close");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body over the limit");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0 && ++this.read > Limited.this.limit) {
							throw new BodyTooLarge();
						}
						return b;
					}

					@Override
					public int read(byte[] buf, int off, int len) throws IOException {
						int n = in.read(buf, off, len);
						if (n > 0 && (this.read += n) > Limited.this.limit) {
							throw new BodyTooLarge();
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return this.stream;
		}

	}

}
