package dev.moderato.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A JSON request body must be well-formed UTF-8 (RFC 8259). Jackson decodes UTF-8 leniently: an overlong sequence
 * such as {@code C0 AF} would be read as {@code /}, which lets a slash or quote past any check on the raw bytes. The
 * body (already bounded by {@link BodySizeLimit}) is checked with a strict decoder first.
 */
@ControllerAdvice
class StrictUtf8Body extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		MediaType type = input.getHeaders().getContentType();
		if (type == null || !isJson(type)
				|| (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset()))) {
			return input;
		}
		byte[] body = input.getBody().readAllBytes();
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			decoder.decode(ByteBuffer.wrap(body));
		}
		catch (CharacterCodingException ex) {
			throw new MalformedEncoding(input);
		}
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

	private static boolean isJson(MediaType type) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
	}

	/** The body is not well-formed UTF-8. */
	static final class MalformedEncoding extends HttpMessageNotReadableException {

		MalformedEncoding(HttpInputMessage input) {
			super("The request body is not well-formed UTF-8", input);
		}

	}

}
