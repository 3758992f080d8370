package dev.secretsstarter.cache;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th consecutive failure waits between half and
 * all of {@code min(max, initial * multiplier^(n-1))}, so retries of many instances spread out
 * while each still waits at least half the nominal delay. Immutable and thread-safe.
 */
final class Backoff {

	private final Duration initial;

	private final Duration max;

	private final double multiplier;

	private final DoubleSupplier random;

	Backoff(SecretCacheProperties.Backoff properties) {
		this(properties, () -> ThreadLocalRandom.current().nextDouble());
	}

	Backoff(SecretCacheProperties.Backoff properties, DoubleSupplier random) {
		this.initial = properties.getInitial();
		this.max = properties.getMax();
		this.multiplier = Math.max(1.0, properties.getMultiplier());
		this.random = random;
	}

	/**
	 * The wait after a number of consecutive failures.
	 * @param failures consecutive failures, at least 1
	 * @return the wait
	 */
	Duration delay(int failures) {
		double nominal = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, failures - 1));
		double capped = Math.min(nominal, this.max.toMillis());
		return Duration.ofMillis((long) (capped / 2 + capped / 2 * this.random.getAsDouble()));
	}

}
