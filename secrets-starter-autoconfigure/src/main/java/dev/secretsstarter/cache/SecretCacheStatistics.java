package dev.secretsstarter.cache;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what a {@link SecretCache} did, for metrics: reads served from the cache or
 * not, loads and their time, evictions, rotations picked up and failed refreshes. Never holds a
 * secret id or value.
 * <p>
 * Counted in the cache itself rather than through Caffeine's statistics because the cache peeks
 * before it loads and loads batches outside Caffeine's loader, so Caffeine would count each miss
 * twice and no batch load at all. Lookups without I/O ({@link SecretCache#getIfPresent}, which
 * property sources do on every property access) are not counted as gets.
 * <p>
 * Thread-safe: every total is a {@link LongAdder}.
 *
 * @author secrets-starter team
 */
public final class SecretCacheStatistics {

	private final LongAdder hits = new LongAdder();

	private final LongAdder misses = new LongAdder();

	private final LongAdder loadSuccesses = new LongAdder();

	private final LongAdder loadFailures = new LongAdder();

	private final LongAdder loadNanos = new LongAdder();

	private final LongAdder evictions = new LongAdder();

	private final LongAdder rotations = new LongAdder();

	private final LongAdder refreshFailures = new LongAdder();

	void recordHit() {
		this.hits.increment();
	}

	void recordMiss() {
		this.misses.increment();
	}

	void recordLoad(long nanos, boolean success) {
		this.loadNanos.add(nanos);
		(success ? this.loadSuccesses : this.loadFailures).increment();
	}

	void recordEviction() {
		this.evictions.increment();
	}

	void recordRotation() {
		this.rotations.increment();
	}

	void recordRefreshFailure() {
		this.refreshFailures.increment();
	}

	/**
	 * Reads ({@code get}, each key of {@code getAll}) answered from the cache.
	 * @return the count
	 */
	public long hits() {
		return this.hits.sum();
	}

	/**
	 * Reads that needed the service: the key was absent, or its value past the maximum staleness.
	 * @return the count
	 */
	public long misses() {
		return this.misses.sum();
	}

	/**
	 * Fetches from the service that succeeded (one per GetSecretValue, one per BatchGetSecretValue
	 * chunk, refreshes included).
	 * @return the count
	 */
	public long loadSuccesses() {
		return this.loadSuccesses.sum();
	}

	/**
	 * Fetches from the service that failed.
	 * @return the count
	 */
	public long loadFailures() {
		return this.loadFailures.sum();
	}

	/**
	 * Total time spent fetching, successful or not.
	 * @return nanoseconds
	 */
	public long totalLoadNanos() {
		return this.loadNanos.sum();
	}

	/**
	 * Entries removed because the cache reached {@code secrets.cache.maximum-size}.
	 * @return the count
	 */
	public long evictions() {
		return this.evictions.sum();
	}

	/**
	 * Times the cache started serving a different version of a key it already held.
	 * @return the count
	 */
	public long rotations() {
		return this.rotations.sum();
	}

	/**
	 * Failed refreshes or change checks of a cached value (each served the previous value stale).
	 * @return the count
	 */
	public long refreshFailures() {
		return this.refreshFailures.sum();
	}

}
