package dev.moderato.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.moderato.privacy.CommenterPrivacy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows floods of public submissions with token buckets (bucket4j), refilled continuously; past one, {@code 429} with
 * {@code Retry-After}:
 * <ul>
 * <li>each client network (/24 or /48) gets {@code moderato.system.submissions-per-minute} comments and privacy
 * requests a minute;</li>
 * <li>each commenter email gets {@code moderato.system.comments-per-email-per-hour} comments an hour, whichever
 * networks they come from, from JSON and from a plain HTML form alike. The bucket is keyed by the email's keyed hash; the address itself is never kept.</li>
 * </ul>
 * The client is {@code request.getRemoteAddr()}, which Tomcat takes from {@code X-Forwarded-For} only when the peer is
 * a configured proxy ({@code server.tomcat.remoteip.internal-proxies}, none by default). Loopback peers (the dev run, a
 * sidecar proxy) are not limited. Buckets live in memory per instance (a flood spread over instances gets their sum)
 * and full ones are dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SubmissionRateLimit extends OncePerRequestFilter {

	private static final Pattern COMMENTS = Pattern.compile("/api/v1/posts/[^/]+/comments/?");

	/** Where a plain HTML form may post a comment by its page's URL. */
	private static final String FORM = "/api/v1/comments";

	private final CommenterPrivacy privacy;

	private final JsonMapper json;

	private final SystemSettings settings;

	private final Map<String, Bucket> networks = new ConcurrentHashMap<>();

	private final Map<String, Bucket> commenters = new ConcurrentHashMap<>();

	SubmissionRateLimit(SystemSettings settings, CommenterPrivacy privacy, JsonMapper json) {
		this.privacy = privacy;
		this.json = json;
		this.settings = settings;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !"POST".equals(request.getMethod())
				|| !(isComment(uri) || "/api/v1/privacy/requests".equals(uri));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (loopback(request.getRemoteAddr())) {
			chain.doFilter(request, response);
			return;
		}
		String network = this.privacy.protect(request.getRemoteAddr()).prefix();
		long wait = take(this.networks, network, this.settings.submissionsPerMinute(), Duration.ofMinutes(1));
		if (wait > 0) {
			reject(request, response, wait, "Too many submissions from your network.");
			return;
		}
		boolean json = isJson(request);
		if (!isComment(request.getRequestURI()) || !(json || isForm(request))) {
			chain.doFilter(request, response);
			return;
		}
		// a plain HTML form's fields are read by the servlet container, which keeps them for the controller
		HttpServletRequest forward = json ? new Buffered(request) : request;
		String commenter = forward instanceof Buffered buffered ? commenterOf(buffered.body)
				: commenterOf(request.getParameter("authorEmail"));
		if (commenter != null) {
			wait = take(this.commenters, commenter, this.settings.commentsPerEmailPerHour(), Duration.ofHours(1));
			if (wait > 0) {
				reject(request, response, wait, "Too many comments from this email address.");
				return;
			}
		}
		chain.doFilter(forward, response);
	}

	private static boolean isComment(String uri) {
		return COMMENTS.matcher(uri).matches() || FORM.equals(uri);
	}

	private @Nullable String commenterOf(@Nullable String email) {
		return email != null && !email.isBlank() ? this.privacy.hash(email.strip()).value() : null;
	}

	/**
	 * The keyed hash of the submission's email, or null if there is none to read (validation will say so). Read by
	 * streaming over the top-level fields, without building a tree; of repeated fields the last counts, as for the
	 * controller's binding.
	 */
	private @Nullable String commenterOf(byte[] body) {
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			String email = null;
			for (String name = parser.nextName(); name != null; name = parser.nextName()) {
				JsonToken value = parser.nextToken();
				if ("authorEmail".equals(name)) {
					email = value == JsonToken.VALUE_STRING ? parser.getString() : null;
				}
				else {
					parser.skipChildren();
				}
			}
			return email != null && !email.isBlank() ? this.privacy.hash(email.strip()).value() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static long take(Map<String, Bucket> buckets, String key, int capacity, Duration period) {
		ConsumptionProbe probe = buckets
			.computeIfAbsent(key, k -> Bucket.builder()
				.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
				.build())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, long waitNanos, String why)
			throws IOException {
		long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				why + " Please try again in " + seconds + " seconds.");
		problem.setTitle("Too many requests");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleBuckets() {
		this.networks.values().removeIf(bucket -> bucket.getAvailableTokens() >= this.settings.submissionsPerMinute());
		this.commenters.values().removeIf(bucket -> bucket.getAvailableTokens() >= this.settings.commentsPerEmailPerHour());
	}

	private static boolean isJson(HttpServletRequest request) {
		try {
			return request.getContentType() != null
					&& MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		try {
			return request.getContentType() != null && MediaType.APPLICATION_FORM_URLENCODED
				.isCompatibleWith(MediaType.parseMediaType(request.getContentType()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean loopback(String address) {
		try {
			// an IP literal (Tomcat gives no names here): parsed without a lookup
			return (address.indexOf(':') >= 0 || Character.isDigit(address.charAt(0)))
					&& InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The request with its body read once (the size limit applies while reading) and replayed to the controller. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request) throws IOException {
			super(request);
			this.body = request.getInputStream().readAllBytes();
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buf, int off, int len) {
					return in.read(buf, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					java.nio.charset.Charset.forName(encoding)));
		}

	}

}
