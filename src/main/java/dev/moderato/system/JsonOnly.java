package dev.moderato.system;

import java.util.List;

import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. Converters for other formats that libraries happen to put on the class path (YAML, XML,
 * CBOR, Smile, Protobuf) are removed, so a request for another format gets 406 and a body in one 415, both as
 * problems; and every JSON string must be well-formed Unicode ({@link WellFormedStrings}).
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

	private static final List<String> OTHER_FORMATS = List.of("yaml", "xml", "cbor", "smile", "protobuf");

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnly::speaksAnotherFormat));
	}

	static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes().stream().map(MediaType::getSubtype).anyMatch(subtype -> OTHER_FORMATS
			.stream()
			.anyMatch(format -> subtype.equals(format) || subtype.endsWith("+" + format) || subtype.contains("-" + format)));
	}

	@Bean
	JsonMapperBuilderCustomizer wellFormedStrings() {
		return builder -> builder.addModule(new SimpleModule("moderato-well-formed-strings")
			.addDeserializer(String.class, new WellFormedStrings()));
	}

}
