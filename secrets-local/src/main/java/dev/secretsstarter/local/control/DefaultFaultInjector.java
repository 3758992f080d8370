package dev.secretsstarter.local.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.secretsstarter.local.FaultInjector;
import dev.secretsstarter.local.store.ServiceError;

/**
 * {@link FaultInjector} on concurrent maps. Counted faults ({@code throttle}, {@code fail}) are
 * consumed atomically so N faults fail exactly N requests under concurrency. Thread-safe.
 */
public final class DefaultFaultInjector implements FaultInjector {

	private record CountedFault(String type, int status, AtomicInteger remaining) {
	}

	private final Map<String, Duration> latencies = new ConcurrentHashMap<>();

	private final Map<String, Double> errorRates = new ConcurrentHashMap<>();

	private final Map<String, CountedFault> counted = new ConcurrentHashMap<>();

	@Override
	public void latency(String operation, Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		this.latencies.put(operation, delay);
	}

	@Override
	public void errorRate(String operation, double rate) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("rate must be between 0 and 1");
		}
		this.errorRates.put(operation, rate);
	}

	@Override
	public void throttle(String operation, int times) {
		fail(operation, "ThrottlingException", 400, times);
	}

	@Override
	public void fail(String operation, String errorType, int httpStatus, int times) {
		if (times < 0 || httpStatus < 400 || httpStatus > 599) {
			throw new IllegalArgumentException("times must be >= 0 and httpStatus 4xx or 5xx");
		}
		this.counted.put(operation, new CountedFault(errorType, httpStatus, new AtomicInteger(times)));
	}

	@Override
	public void clear() {
		this.latencies.clear();
		this.errorRates.clear();
		this.counted.clear();
	}

	/** @return the delay to apply before answering {@code operation} */
	public Duration latencyFor(String operation) {
		Duration specific = this.latencies.getOrDefault(operation, Duration.ZERO);
		Duration all = this.latencies.getOrDefault(ALL, Duration.ZERO);
		return (specific.compareTo(all) >= 0) ? specific : all;
	}

	/** @return the error to answer {@code operation} with, consuming one counted fault if any */
	public Optional<ServiceError> errorFor(String operation) {
		for (String key : new String[] { operation, ALL }) {
			CountedFault fault = this.counted.get(key);
			if (fault != null && fault.remaining().getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				String message = "ThrottlingException".equals(fault.type()) ? "Rate exceeded"
						: "Injected fault for " + operation;
				return Optional.of(new ServiceError(fault.type(), fault.status(), message));
			}
		}
		double rate = Math.max(this.errorRates.getOrDefault(operation, 0.0), this.errorRates.getOrDefault(ALL, 0.0));
		if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
			return Optional.of(ServiceError.internal("Injected random failure for " + operation));
		}
		return Optional.empty();
	}

}
