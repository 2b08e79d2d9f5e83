package dev.moderato.system;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.moderato.privacy.CommenterPrivacy;
import dev.moderato.privacy.IpAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Slows floods of public submissions: each network (/24 or /48) gets a token bucket of
 * {@code moderato.system.submissions-per-minute}, refilled continuously; past it, {@code 429} with {@code Retry-After}.
 * Buckets live in memory per instance (a flood spread over instances gets their sum) and idle ones are dropped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SubmissionRateLimit extends OncePerRequestFilter {

	private final CommenterPrivacy privacy;

	private final JsonMapper json;

	private final Clock clock;

	private final double perMilli;

	private final int capacity;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	SubmissionRateLimit(SystemSettings settings, CommenterPrivacy privacy, JsonMapper json, Clock clock) {
		this.privacy = privacy;
		this.json = json;
		this.clock = clock;
		this.capacity = settings.submissionsPerMinute();
		this.perMilli = settings.submissionsPerMinute() / 60_000.0;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !"POST".equals(request.getMethod())
				|| !(uri.matches("/api/v1/posts/[^/]+/comments") || "/api/v1/privacy/requests".equals(uri));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String network = this.privacy.protect(request.getRemoteAddr()).prefix();
		if (IpAddress.isPrivateNetwork(network)) {
			chain.doFilter(request, response);
			return;
		}
		long now = this.clock.millis();
		long wait = this.buckets.computeIfAbsent(network, n -> new Bucket(this.capacity, now)).take(now);
		if (wait > 0) {
			reject(request, response, wait);
			return;
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, long waitMillis) throws IOException {
		long seconds = Math.max(1, (waitMillis + 999) / 1000);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many submissions from your network. Please try again in " + seconds + " seconds.");
		problem.setTitle("Too many requests");
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdleNetworks() {
		long now = this.clock.millis();
		this.buckets.values().removeIf(bucket -> bucket.full(now));
	}

	/** A token bucket; thread-safe. */
	private final class Bucket {

		private double tokens;

		private long at;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.at = now;
		}

		/** @return 0 if a token was taken, else how many milliseconds until one is there */
		synchronized long take(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return (long) Math.ceil((1 - this.tokens) / SubmissionRateLimit.this.perMilli);
		}

		synchronized boolean full(long now) {
			refill(now);
			return this.tokens >= SubmissionRateLimit.this.capacity;
		}

		private void refill(long now) {
			this.tokens = Math.min(SubmissionRateLimit.this.capacity,
					this.tokens + (now - this.at) * SubmissionRateLimit.this.perMilli);
			this.at = Math.max(this.at, now);
		}

	}

}
