package dev.moderato.system;

import dev.moderato.IntegrationTest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A request is compared with each mapping's path before anything else of the mapping, and the handler found, or the
 * 404, 405 or 415, is the one Spring MVC's own lookup finds, for paths with encoded segments, matrix variables, another
 * case, a trailing or doubled slash among them.
 */
@IntegrationTest
class PathFirstMappingTests {

	@Autowired
	RequestMappingHandlerMapping requestMappingHandlerMapping;

	@Test
	void theServiceLooksUpEachOfItsHandlersPathFirst() {
		assertThat(this.requestMappingHandlerMapping).isInstanceOf(PathFirstMapping.Mapping.class);
		PathFirstMapping.Mapping mapping = (PathFirstMapping.Mapping) this.requestMappingHandlerMapping;
		assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(50)
			.allSatisfy((info, handler) -> assertThat(mapping.comparesPathFirst(info)).as(info.toString()).isTrue());
	}

	@Test
	void aMappingOfAnotherPathIsPassedOverWithoutTheRequestsBodyTypeRead() throws Exception {
		HttpServletRequest request = bodyTypeUnreadable(request("POST", "/api/v1/moderation/comments/a-comment/approve"));

		assertThat(handler(mapped(new PathFirstMapping.Mapping()), request)).isEqualTo("decide");
		assertThatExceptionOfType(AssertionError.class) // Spring MVC's own lookup asks the submissions' mapping first
			.isThrownBy(() -> handler(mapped(new RequestMappingHandlerMapping()), request));
	}

	@Test
	void theHandlerFoundOrTheProblemRaisedIsSpringMvcsOwn() throws Exception {
		RequestMappingHandlerMapping pathFirst = mapped(new PathFirstMapping.Mapping());
		RequestMappingHandlerMapping springs = mapped(new RequestMappingHandlerMapping());
		String[][] requests = { { "POST", "/api/v1/posts/a-post/comments", "submit" },
				{ "GET", "/api/v1/posts/a-post/comments", "read" },
				{ "GET", "/api/v1/po%73ts/a-post/comments", "read" }, // a segment matches decoded
				{ "GET", "/api/v1/posts/a-post;v=1/comments", "read" }, // and without its matrix variables
				{ "POST", "/api/v1/moderation/comments/a-comment/approve", "decide" },
				{ "GET", "/api/v1/posts/a-post/comments/more", "none" }, { "GET", "/api/v1/posts/a-post/comments/", "none" },
				{ "GET", "/API/v1/posts/a-post/comments", "none" }, { "GET", "//api/v1/posts/a-post/comments", "none" },
				{ "GET", "/api/v1/posts", "none" }, { "GET", "/", "none" },
				{ "PUT", "/api/v1/posts/a-post/comments", "HttpRequestMethodNotSupportedException" },
				{ "GET", "/api/v1/moderation/comments/a-comment/approve", "HttpRequestMethodNotSupportedException" } };
		for (String[] r : requests) {
			assertThat(outcome(pathFirst, request(r[0], r[1]))).as("%s %s", r[0], r[1])
				.isEqualTo(outcome(springs, request(r[0], r[1])))
				.isEqualTo(r[2]);
		}
		MockHttpServletRequest xml = request("POST", "/api/v1/posts/a-post/comments");
		xml.setContentType("application/xml");
		assertThat(outcome(pathFirst, xml)).isEqualTo(outcome(springs, xml)).isEqualTo("HttpMediaTypeNotSupportedException");
	}

	private static String outcome(RequestMappingHandlerMapping mapping, HttpServletRequest request) {
		try {
			String handler = handler(mapping, request);
			return handler == null ? "none" : handler;
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName();
		}
	}

	/** Submissions (JSON only) and reads of a thread, and moderators' decisions, in that order. */
	private static RequestMappingHandlerMapping mapped(RequestMappingHandlerMapping mapping) throws Exception {
		mapping.setPatternParser(new PathPatternParser());
		Handlers handlers = new Handlers();
		mapping.registerMapping(info("/api/v1/posts/{postId}/comments", RequestMethod.POST, "application/json"), handlers,
				Handlers.class.getDeclaredMethod("submit"));
		mapping.registerMapping(info("/api/v1/posts/{postId}/comments", RequestMethod.GET, null), handlers,
				Handlers.class.getDeclaredMethod("read"));
		mapping.registerMapping(info("/api/v1/moderation/comments/{id}/{action}", RequestMethod.POST, null), handlers,
				Handlers.class.getDeclaredMethod("decide"));
		return mapping;
	}

	private static RequestMappingInfo info(String path, RequestMethod method, String consumes) {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(new PathPatternParser());
		RequestMappingInfo.Builder info = RequestMappingInfo.paths(path).methods(method).options(options);
		return (consumes == null ? info : info.consumes(consumes)).build();
	}

	private static String handler(RequestMappingHandlerMapping mapping, HttpServletRequest request) throws Exception {
		HandlerExecutionChain chain = mapping.getHandler(request);
		return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setContentType("application/json");
		request.setContent("{}".getBytes());
		request.addHeader("Content-Length", "2");
		return request;
	}

	/** A request with a body whose type must not be read: no mapping of its path asks for one. */
	private static HttpServletRequest bodyTypeUnreadable(MockHttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {
			@Override
			public String getContentType() {
				throw new AssertionError("the body's type was read");
			}
		};
	}

	static final class Handlers {

		void submit() {
		}

		void read() {
		}

		void decide() {
		}

	}

}
