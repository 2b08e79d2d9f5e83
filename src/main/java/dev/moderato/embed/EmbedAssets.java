package dev.moderato.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves {@code /embed.js} and {@code /count.js} to any page: the URLs a blog pastes never change, so they are cached an
 * hour (a day more while revalidating) with a strong ETag of their content, and a browser or CDN revalidates with a
 * cheap {@code 304}. {@code Cross-Origin-Resource-Policy: cross-origin} lets pages that require it
 * ({@code Cross-Origin-Embedder-Policy}) load them; {@code X-Content-Type-Options: nosniff} comes from the security
 * headers.
 */
@Configuration(proxyBeanMethods = false)
class EmbedAssets implements WebMvcConfigurer {

	static final String[] PATHS = { "/embed.js", "/count.js" };

	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofHours(1))
		.cachePublic()
		.staleWhileRevalidate(Duration.ofDays(1));

	private final Map<String, String> eTags = new ConcurrentHashMap<>();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATHS)
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CACHE)
			.setUseLastModified(false)
			.setEtagGenerator(resource -> this.eTags.computeIfAbsent(String.valueOf(resource.getFilename()),
					name -> contentHash(resource)));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				response.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
				return true;
			}

		}).addPathPatterns(PATHS);
	}

	private static String contentHash(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
