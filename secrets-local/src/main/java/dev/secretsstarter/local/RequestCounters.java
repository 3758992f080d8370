package dev.secretsstarter.local;

import java.util.Map;

/**
 * Counts authenticated requests per operation and the bytes of the response bodies sent for them.
 *
 * <p>Requests rejected before authentication (bad signature, unknown key) are not counted; requests
 * answered with an injected fault or an API error are. Thread-safe.
 */
public interface RequestCounters {

	/**
	 * @param operation the operation name, e.g. {@code GetSecretValue}
	 * @return how many requests were made for it since the last reset
	 */
	long count(String operation);

	/**
	 * @param operation the operation name
	 * @return the total bytes of response bodies sent for it since the last reset
	 */
	long responseBytes(String operation);

	/** @return an immutable snapshot of every non-zero count, by operation name */
	Map<String, Long> counts();

	/** Resets every count to zero. */
	void reset();

}
