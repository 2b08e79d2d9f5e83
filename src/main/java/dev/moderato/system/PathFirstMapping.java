package dev.moderato.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, compared with a request's path first. A request whose path has a variable (a thread
 * read, a submission) is compared with every mapping, and Spring MVC checks a mapping's path last, after its method,
 * parameters, headers, consumes, produces and version, most of them read through the request's wrappers; the handler
 * lookup was a fifth of a thread read's CPU. Here a mapping is first compared by the literal segments its paths begin
 * with ({@code api}, {@code v1}, {@code posts} of {@code /api/v1/posts/{postId}/comments}), a few string comparisons,
 * then by its paths in full, and passed over unless one matches. Both checks only ever rule out a mapping Spring MVC
 * would rule out too: the mapping found, and each {@code 404}, {@code 405}, {@code 406} and {@code 415}, are the same as
 * before.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstMapping implements WebMvcRegistrations {

	@Override
	public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
		return new Mapping();
	}

	static final class Mapping extends RequestMappingHandlerMapping {

		/** The path of the request being looked up, and its segments decoded as a pattern matches them, read once. */
		private static final ThreadLocal<Path> PATH = new ThreadLocal<>();

		/**
		 * The literal segments each path of a registered mapping begins with, one array per path; replaced as a whole
		 * when a mapping is registered (at start-up), so a lookup reads it without a lock or a hash of the mapping.
		 */
		private volatile Map<RequestMappingInfo, String[][]> literals = new IdentityHashMap<>();

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			remember(mapping);
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			super.registerMapping(mapping, handler, method);
			remember(mapping);
		}

		/** Whether a request is compared with this mapping's paths before anything else. */
		boolean comparesPathFirst(RequestMappingInfo mapping) {
			return mapping.getPathPatternsCondition() != null && this.literals.containsKey(mapping);
		}

		private synchronized void remember(RequestMappingInfo mapping) {
			Map<RequestMappingInfo, String[][]> literals = new IdentityHashMap<>(this.literals);
			literals.put(mapping, literals(mapping));
			this.literals = literals;
		}

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
			PATH.set(new Path(path, segments(path)));
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				PATH.remove();
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			Path path = PATH.get();
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			String[][] literals = this.literals.get(info); // none: a mapping not registered here, compared in full
			if (path != null && paths != null && literals != null
					&& !(mayMatch(literals, path.segments()) && matches(paths, path.container()))) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

		/** The comparison {@link PathPatternsRequestCondition#getMatchingCondition} makes, without a request. */
		private static boolean matches(PathPatternsRequestCondition paths, PathContainer path) {
			for (PathPattern pattern : paths.getPatterns()) {
				if (pattern.matches(path)) {
					return true;
				}
			}
			return false;
		}

		/** Whether one of the paths can match: each of its literal segments is the request's at the same place. */
		static boolean mayMatch(String[][] paths, String[] segments) {
			for (String[] literals : paths) {
				if (startsWith(segments, literals)) {
					return true;
				}
			}
			return false;
		}

		private static boolean startsWith(String[] segments, String[] literals) {
			if (segments.length < literals.length) {
				return false;
			}
			for (int i = 0; i < literals.length; i++) {
				if (!segments[i].equalsIgnoreCase(literals[i])) { // ignoring case, so also right for a case-blind parser
					return false;
				}
			}
			return true;
		}

		static String[][] literals(RequestMappingInfo info) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null) {
				return new String[][] { {} }; // paths matched by AntPathMatcher: nothing ruled out here
			}
			return paths.getPatterns().stream().map(Mapping::literals).toArray(String[][]::new);
		}

		/**
		 * The segments a pattern begins with that match only themselves: up to the first that is empty or has a
		 * variable, a wildcard, matrix variables or an escape; none if the pattern is not a path from the root.
		 */
		static String[] literals(PathPattern pattern) {
			String text = pattern.getPatternString();
			List<String> literals = new ArrayList<>();
			if (text.startsWith("/")) {
				for (String segment : text.substring(1).split("/", -1)) {
					if (segment.isEmpty() || segment.chars().anyMatch(c -> "?*{};%\\".indexOf(c) >= 0)) {
						break;
					}
					literals.add(segment);
				}
			}
			return literals.toArray(String[]::new);
		}

		private record Path(PathContainer container, String[] segments) {
		}

		static String[] segments(PathContainer path) {
			List<String> segments = new ArrayList<>();
			for (PathContainer.Element element : path.elements()) {
				if (element instanceof PathContainer.PathSegment segment) {
					segments.add(segment.valueToMatch());
				}
			}
			return segments.toArray(String[]::new);
		}

	}

}
