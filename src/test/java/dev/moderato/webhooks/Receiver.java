package dev.moderato.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on a free local port (the JDK's own server): each path answers the statuses it was given, in
 * order, the last one from then on, and every request is kept.
 */
final class Receiver implements AutoCloseable {

	/** A request as it arrived. */
	record Request(String path, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> answers = new ConcurrentHashMap<>();

	Receiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				String path = exchange.getRequestURI().getPath();
				this.requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
				exchange.sendResponseHeaders(next(path), -1);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	/** The URL of a path that answers these statuses in turn, the last one for good. */
	String answering(String path, Integer... statuses) {
		this.answers.put(path, new ConcurrentLinkedDeque<>(List.of(statuses)));
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	List<Request> to(String path) {
		return new ArrayList<>(this.requests.stream().filter(r -> r.path().equals(path)).toList());
	}

	private int next(String path) {
		Deque<Integer> statuses = this.answers.get(path);
		if (statuses == null) {
			return 404;
		}
		Integer status = statuses.size() > 1 ? statuses.pollFirst() : statuses.peekFirst();
		return status == null ? 404 : status;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
