package dev.secretsstarter.local;

import java.time.Duration;

/**
 * Injects faults into API operations so clients' retry and fallback paths can be tested.
 *
 * <p>Operations are named as in the API ({@code GetSecretValue}); {@code "*"} applies to every
 * operation. Faults apply to authenticated requests only, after they are counted. Thread-safe.
 */
public interface FaultInjector {

	/** Operation name that matches every operation. */
	String ALL = "*";

	/**
	 * Delays every matching response.
	 * @param operation the operation name or {@code "*"}
	 * @param delay the delay, {@link Duration#ZERO} to remove it
	 */
	void latency(String operation, Duration delay);

	/**
	 * Fails a random share of matching requests with {@code InternalServiceError} (HTTP 500).
	 * @param operation the operation name or {@code "*"}
	 * @param rate between 0 (never) and 1 (always)
	 */
	void errorRate(String operation, double rate);

	/**
	 * Answers the next {@code times} matching requests with {@code ThrottlingException} (HTTP 400).
	 * @param operation the operation name or {@code "*"}
	 * @param times how many requests to throttle
	 */
	void throttle(String operation, int times);

	/**
	 * Answers the next {@code times} matching requests with the given error.
	 * @param operation the operation name or {@code "*"}
	 * @param errorType the {@code __type}, e.g. {@code InternalServiceError}
	 * @param httpStatus the HTTP status
	 * @param times how many requests to fail
	 */
	void fail(String operation, String errorType, int httpStatus, int times);

	/** Removes every fault. */
	void clear();

}
