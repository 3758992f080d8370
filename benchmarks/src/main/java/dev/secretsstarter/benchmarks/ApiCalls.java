package dev.secretsstarter.benchmarks;

import java.util.Map;
import java.util.TreeMap;

import dev.secretsstarter.local.LocalSecretsManager;

/**
 * API calls a server answered, per operation, between two points in time.
 *
 * @param byOperation calls per operation name
 * @author secrets-starter team
 */
public record ApiCalls(Map<String, Long> byOperation) {

	/**
	 * The server's counters now.
	 * @param server the server
	 * @return the calls so far
	 */
	public static ApiCalls of(LocalSecretsManager server) {
		return new ApiCalls(new TreeMap<>(server.requests().counts()));
	}

	/**
	 * The calls made since an earlier reading.
	 * @param earlier the earlier reading
	 * @return the difference, operations with none left out
	 */
	public ApiCalls since(ApiCalls earlier) {
		Map<String, Long> diff = new TreeMap<>();
		this.byOperation.forEach((op, count) -> {
			long d = count - earlier.byOperation.getOrDefault(op, 0L);
			if (d != 0) {
				diff.put(op, d);
			}
		});
		return new ApiCalls(diff);
	}

	/**
	 * All calls.
	 * @return the sum over operations
	 */
	public long total() {
		return this.byOperation.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Calls of one operation.
	 * @param operation the operation name, e.g. {@code GetSecretValue}
	 * @return the count
	 */
	public long of(String operation) {
		return this.byOperation.getOrDefault(operation, 0L);
	}

	/**
	 * {@code Op:count;Op:count}, for a CSV cell.
	 * @return the breakdown
	 */
	public String breakdown() {
		StringBuilder text = new StringBuilder();
		this.byOperation.forEach((op, count) -> text.append((text.length() > 0) ? ";" : "").append(op).append(':')
				.append(count));
		return text.toString();
	}

}
