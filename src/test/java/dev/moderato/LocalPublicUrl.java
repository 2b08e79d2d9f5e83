package dev.moderato;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The dev run and the tests ({@code embedded} profile) have no public address of their own: their links in mails
 * point at the port they really listen on, {@code http://localhost:<port>}. The settings are bound before the web
 * server starts, so a random port ({@code server.port=0}, as {@code @SpringBootTest(RANDOM_PORT)} asks) is chosen
 * here instead, once, and given to both. A {@code moderato.moderation.public-url} set anywhere wins.
 */
class LocalPublicUrl implements EnvironmentPostProcessor, Ordered {

	static final String PUBLIC_URL = "moderato.moderation.public-url";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("embedded")) || environment.containsProperty(PUBLIC_URL)) {
			return;
		}
		int port = environment.getProperty("server.port", Integer.class, 8080);
		if (port == 0) {
			port = freePort();
		}
		environment.getPropertySources().addFirst(new MapPropertySource("localPublicUrl",
				Map.of("server.port", String.valueOf(port), PUBLIC_URL, "http://localhost:" + port)));
	}

	/** After the config files are read (the profile's file may set the URL). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * A port below Linux's ephemeral range (32768 and up), so no outgoing connection of this JVM can take it between
	 * this check and the server binding it.
	 */
	private static int freePort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int candidate = ThreadLocalRandom.current().nextInt(20000, 32000);
			try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getByName("0.0.0.0"))) {
				return socket.getLocalPort();
			}
			catch (IOException taken) {
				// try another
			}
		}
		throw new IllegalStateException("No free port between 20000 and 32000 for the embedded run");
	}

}
