package dev.moderato.system;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests the body size limit wraps: only those whose body length is unknown until read; a declared length is
 * checked before anything is read, whatever the method.
 */
class BodySizeLimitTests {

	private final BodySizeLimit limit = new BodySizeLimit(new SystemSettings(DataSize.ofBytes(100), List.of(),
			Duration.ofSeconds(30), 20, 20, Duration.ofDays(7)), JsonMapper.builder().build());

	@Test
	void aReadWithoutABodyPassesAsItCame() throws Exception {
		MockHttpServletRequest request = request("GET", "/api/v1/posts/p/comments");
		assertThat(passed(request)).isSameAs(request);
	}

	@Test
	void aBodyOfDeclaredLengthWithinTheLimitPassesAsItCame() throws Exception {
		MockHttpServletRequest request = request("POST", "/api/v1/posts/p/comments");
		request.setContent(new byte[100]);
		assertThat(passed(request)).isSameAs(request);
	}

	@Test
	void aDeclaredLengthOverTheLimitIs413WhateverTheMethod() throws Exception {
		for (String method : List.of("GET", "POST", "DELETE")) {
			MockHttpServletRequest request = request(method, "/api/v1/posts/p/comments");
			request.setContent(new byte[101]);
			MockHttpServletResponse response = new MockHttpServletResponse();
			this.limit.doFilter(request, response, (req, res) -> {
				throw new AssertionError("the request went on");
			});
			assertThat(response.getStatus()).isEqualTo(413);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
		}
	}

	@Test
	void aChunkedBodyOverTheLimitIs413AsItIsRead() throws Exception {
		MockHttpServletRequest request = chunked(new byte[101]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.limit.doFilter(request, response, (req, res) -> ((HttpServletRequest) req).getInputStream().readAllBytes());
		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadWhole() throws Exception {
		MockHttpServletRequest request = chunked(new byte[100]);
		AtomicReference<byte[]> read = new AtomicReference<>();
		this.limit.doFilter(request, new MockHttpServletResponse(),
				(req, res) -> read.set(((HttpServletRequest) req).getInputStream().readAllBytes()));
		assertThat(read.get()).hasSize(100);
	}

	@Test
	void aBodyWithoutADeclaredLengthOverHttp2IsCounted() throws Exception {
		MockHttpServletRequest request = chunked(new byte[101]);
		request.removeHeader("Transfer-Encoding");
		request.setProtocol("HTTP/2.0");
		assertThat(passed(request)).isNotSameAs(request);
	}

	private static MockHttpServletRequest request(String method, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setProtocol("HTTP/1.1");
		return request;
	}

	private static MockHttpServletRequest chunked(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/posts/p/comments") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setProtocol("HTTP/1.1");
		request.addHeader("Transfer-Encoding", "chunked");
		request.setContent(body);
		return request;
	}

	private ServletRequest passed(MockHttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
		AtomicReference<ServletRequest> passed = new AtomicReference<>();
		this.limit.doFilter(request, new MockHttpServletResponse(), (req, res) -> passed.set(req));
		return passed.get();
	}

}
