package dev.secretsstarter.local.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The bound JDK HTTP server and its worker threads (daemon, so an embedded server never keeps a JVM
 * alive). Thread-safe.
 */
public final class HttpEndpoint {

	/** The JDK server's switch for TCP_NODELAY on accepted connections (off by default). */
	static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		// Without TCP_NODELAY a response written as headers + body meets the client's delayed ACK and
		// arrives ~40 ms late (measured ~53 ms per call instead of ~5 ms). The JDK server reads this
		// property once, when its configuration class loads, i.e. when the first HttpServer in the JVM
		// is created, so it must be set before that; a value the user has set is left alone.
		if (System.getProperty(NODELAY_PROPERTY) == null) {
			System.setProperty(NODELAY_PROPERTY, "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private HttpEndpoint(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** Binds {@code host:port} (0 = a free port) and starts serving {@code handler}. */
	public static HttpEndpoint start(String host, int port, HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
			AtomicInteger threads = new AtomicInteger();
			// Unbounded but idle-reclaimed: injected latency must not starve other requests of a thread.
			ExecutorService executor = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "secrets-local-http-" + threads.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			server.createContext("/", handler);
			server.start();
			return new HttpEndpoint(server, executor);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not bind " + host + ":" + port, ex);
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
