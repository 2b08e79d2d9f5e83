package dev.moderato.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the service reads, from the code itself: every property in the configuration metadata on the class path
 * (Spring Boot's and Moderato's own, which the configuration processor writes from the settings records), the
 * environment variable of each, and the settings without which the service cannot run.
 */
final class ServiceSettings {

	/** Variables the JVM reads, not Spring. */
	static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

	/** Addresses and credentials of the backing services: no default that works in production. */
	static final List<String> REQUIRED_INFRASTRUCTURE = List.of("spring.kafka.bootstrap-servers", "spring.datasource.url",
			"spring.datasource.username", "spring.datasource.password", "spring.mail.host");

	private final Map<String, Property> properties;

	private ServiceSettings(Map<String, Property> properties) {
		this.properties = properties;
	}

	/** A property from the metadata. */
	record Property(String name, String type, JsonNode defaultValue) {

		boolean isMapOrList() {
			return this.type.startsWith("java.util.Map") || this.type.startsWith("java.util.List")
					|| this.type.startsWith("java.util.Set") || this.type.endsWith("[]");
		}

		boolean isMap() {
			return this.type.startsWith("java.util.Map");
		}

		/** The variable to write: a map's keys follow it, and Spring Boot finds them only with the dashes dropped. */
		String environmentVariable() {
			return isMap() ? compactVariable(this.name) : ServiceSettings.environmentVariable(this.name);
		}

	}

	static ServiceSettings load() {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Property> properties = new LinkedHashMap<>();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			for (URL url : resources(resource)) {
				try (InputStream in = url.openStream()) {
					JsonNode root = json.readTree(in);
					if (root.has("properties")) {
						root.get("properties").forEach(p -> properties.putIfAbsent(p.get("name").asString(),
								new Property(p.get("name").asString(), p.has("type") ? p.get("type").asString() : "",
										p.get("defaultValue"))));
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return new ServiceSettings(properties);
	}

	/**
	 * The variable this project writes for a property: {@code moderato.intake.send-timeout} →
	 * {@code MODERATO_INTAKE_SEND_TIMEOUT}. Spring Boot binds it, and the form without the dashes' underscores
	 * ({@code MODERATO_INTAKE_SENDTIMEOUT}) too.
	 */
	static String environmentVariable(String property) {
		return property.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
	}

	private static String compactVariable(String property) {
		return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
	}

	Collection<Property> all() {
		return this.properties.values();
	}

	Property get(String name) {
		Property property = this.properties.get(name);
		if (property == null) {
			throw new IllegalArgumentException("No property " + name + " in the configuration metadata");
		}
		return property;
	}

	/** Whether setting this environment variable sets a property the service reads. */
	boolean reads(String variable) {
		if (JVM_VARIABLES.contains(variable)) {
			return true;
		}
		for (Property property : this.properties.values()) {
			String compact = compactVariable(property.name());
			if (!property.isMap() && (variable.equals(compact) || variable.equals(environmentVariable(property.name())))) {
				return true; // EnvironmentVariablesTests: either form binds a plain or list property
			}
			if (property.isMapOrList() && variable.startsWith(compact + "_")) {
				return true; // map keys and list indexes: only after the compact form
			}
		}
		return false;
	}

	/** The settings the service cannot start (or reach its backing services) without. */
	Set<String> required() {
		Set<String> required = new TreeSet<>(REQUIRED_INFRASTRUCTURE);
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.moderato")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			String prefix = type.getAnnotation(ConfigurationProperties.class).value();
			if (!type.isRecord()) {
				continue;
			}
			// the annotations of a record component live on the canonical constructor's parameters (and the field and
			// accessor), not on the RecordComponent, which only holds RECORD_COMPONENT-targeted ones
			Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Parameter[] parameters = canonicalConstructor(type, types).getParameters();
			RecordComponent[] components = type.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				Parameter parameter = parameters[i];
				boolean constrained = parameter.isAnnotationPresent(NotNull.class) || parameter.isAnnotationPresent(NotBlank.class)
						|| parameter.isAnnotationPresent(NotEmpty.class);
				if (constrained && !parameter.isAnnotationPresent(DefaultValue.class)) {
					required.add(prefix + "." + kebab(components[i].getName()));
				}
			}
		}
		return required;
	}

	/** The required settings that none of these environment variables gives. */
	Set<String> missing(Collection<String> variables) {
		Set<String> missing = new TreeSet<>();
		for (String name : required()) {
			String env = get(name).environmentVariable();
			boolean given = variables.contains(env) || (get(name).isMapOrList() && variables.stream().anyMatch(v -> v.startsWith(env + "_")));
			if (!given) {
				missing.add(name + " (" + env + ")");
			}
		}
		return missing;
	}

	private static Constructor<?> canonicalConstructor(Class<?> type, Class<?>[] types) {
		try {
			return type.getDeclaredConstructor(types);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static List<URL> resources(String name) {
		try {
			return Collections.list(ServiceSettings.class.getClassLoader().getResources(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
