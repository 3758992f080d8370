package dev.secretsstarter.local.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.secretsstarter.local.RequestCounters;

/**
 * {@link RequestCounters} on lock-free adders, so counting never contends with request handling.
 * Thread-safe.
 */
public final class DefaultRequestCounters implements RequestCounters {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();

	public void recordRequest(String operation) {
		this.counts.computeIfAbsent(operation, (o) -> new LongAdder()).increment();
	}

	public void recordResponse(String operation, long responseBytes) {
		this.bytes.computeIfAbsent(operation, (o) -> new LongAdder()).add(responseBytes);
	}

	@Override
	public long count(String operation) {
		LongAdder adder = this.counts.get(operation);
		return (adder != null) ? adder.sum() : 0;
	}

	@Override
	public long responseBytes(String operation) {
		LongAdder adder = this.bytes.get(operation);
		return (adder != null) ? adder.sum() : 0;
	}

	@Override
	public Map<String, Long> counts() {
		Map<String, Long> snapshot = new TreeMap<>();
		this.counts.forEach((operation, adder) -> {
			long sum = adder.sum();
			if (sum > 0) {
				snapshot.put(operation, sum);
			}
		});
		return Map.copyOf(snapshot);
	}

	@Override
	public void reset() {
		this.counts.clear();
		this.bytes.clear();
	}

	@Override
	public String toString() {
		return "RequestCounters" + counts();
	}

}
