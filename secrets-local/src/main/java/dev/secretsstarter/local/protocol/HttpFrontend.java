package dev.secretsstarter.local.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.secretsstarter.local.control.DefaultFaultInjector;
import dev.secretsstarter.local.control.DefaultRequestCounters;
import dev.secretsstarter.local.store.ServiceError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AWS JSON 1.1 front end: authenticates, routes by {@code X-Amz-Target}, applies faults and
 * counters, and turns every failure into the service's error shape. Any input, however hostile, gets
 * a response and leaves the server serving. Thread-safe.
 */
public final class HttpFrontend implements HttpHandler {

	/** Larger bodies are refused before being read: the service's own request limit is far lower. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;

	private static final String TARGET_PREFIX = "secretsmanager.";

	private static final System.Logger logger = System.getLogger(HttpFrontend.class.getName());

	private final SigV4Verifier verifier;

	private final Dispatcher dispatcher;

	private final DefaultRequestCounters counters;

	private final DefaultFaultInjector faults;

	public HttpFrontend(SigV4Verifier verifier, Dispatcher dispatcher, DefaultRequestCounters counters,
			DefaultFaultInjector faults) {
		this.verifier = verifier;
		this.dispatcher = dispatcher;
		this.counters = counters;
		this.faults = faults;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String operation = null;
		int status = 200;
		byte[] body;
		try {
			byte[] request = readBody(exchange);
			if (!"POST".equals(exchange.getRequestMethod())) {
				throw new ServiceError("UnknownOperationException", 400, "Only POST / is supported.");
			}
			String region = this.verifier.verify(new SigV4Verifier.Incoming(exchange.getRequestMethod(),
					exchange.getRequestURI(), exchange.getRequestHeaders(), request));
			String name = operationName(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
			operation = name;
			this.counters.recordRequest(name);
			injectFaults(name);
			body = Json.MAPPER.writeValueAsBytes(this.dispatcher.invoke(name, region, parse(request)));
		}
		catch (ServiceError ex) {
			status = ex.status();
			body = errorBody(ex);
			exchange.getResponseHeaders().set("x-amzn-ErrorType", ex.type());
		}
		catch (RuntimeException ex) {
			// Never echo the exception message: it may quote request content, which may be a value.
			logger.log(System.Logger.Level.ERROR, "Unexpected failure in " + operation + ": " + ex.getClass().getName());
			ServiceError internal = ServiceError.internal("An error occurred on the server side.");
			status = internal.status();
			body = errorBody(internal);
			exchange.getResponseHeaders().set("x-amzn-ErrorType", internal.type());
		}
		if (operation != null) {
			this.counters.recordResponse(operation, body.length);
		}
		send(exchange, status, body);
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
			if (bytes.length > MAX_BODY_BYTES) {
				// Discard a bounded remainder so the client can read our answer instead of a reset;
				// beyond that the connection is simply closed.
				drain(in);
				throw tooLarge();
			}
			return bytes;
		}
	}

	private static void drain(InputStream in) throws IOException {
		byte[] buffer = new byte[8192];
		long remaining = DRAIN_LIMIT_BYTES;
		int read;
		while (remaining > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) != -1) {
			remaining -= read;
		}
	}

	private static ServiceError tooLarge() {
		return new ServiceError("RequestEntityTooLargeException", 413,
				"Request body is larger than " + MAX_BODY_BYTES + " bytes.");
	}

	private String operationName(String target) {
		if (target == null || target.isBlank()) {
			throw new ServiceError("UnknownOperationException", 400, "Missing X-Amz-Target header.");
		}
		String name = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
		if (!this.dispatcher.supports(name)) {
			throw new ServiceError("UnknownOperationException", 400, "Unknown operation " + target);
		}
		return name;
	}

	private void injectFaults(String operation) {
		Duration delay = this.faults.latencyFor(operation);
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Optional<ServiceError> fault = this.faults.errorFor(operation);
		if (fault.isPresent()) {
			throw fault.get();
		}
	}

	private static JsonInput parse(byte[] body) {
		if (body.length == 0) {
			return new JsonInput(Json.object());
		}
		try {
			JsonNode node = Json.MAPPER.readTree(body);
			if (node == null || node.isMissingNode()) {
				return new JsonInput(Json.object());
			}
			return new JsonInput(node);
		}
		catch (JacksonException ex) {
			throw ServiceError.serialization("The request body is not valid JSON.");
		}
	}

	private static byte[] errorBody(ServiceError error) {
		ObjectNode node = Json.object();
		node.put("__type", error.type());
		node.put("message", error.getMessage());
		return Json.MAPPER.writeValueAsBytes(node);
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
		exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		finally {
			exchange.close();
		}
	}


}
