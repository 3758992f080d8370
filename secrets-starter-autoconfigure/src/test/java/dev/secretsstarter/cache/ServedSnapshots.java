package dev.secretsstarter.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Snapshots of one key as a real {@link CaffeineSecretCache} serves them, carrying its sequence
 * numbers: for tests of listeners that must tell which of two notifications is the newer. The
 * cache only holds what is put into it; it never loads. Not thread-safe beyond the cache itself.
 */
public final class ServedSnapshots {

	private final SecretKey key;

	private final CaffeineSecretCache cache = new CaffeineSecretCache(() -> {
		throw new IllegalStateException("not used: values are put");
	}, new SecretCacheProperties(), Clock.systemUTC());

	/**
	 * Snapshots of one key.
	 * @param key the key
	 */
	public ServedSnapshots(SecretKey key) {
		this.key = key;
	}

	/**
	 * The cache, for tests that put into it themselves or listen to it.
	 * @return the cache
	 */
	public CaffeineSecretCache cache() {
		return this.cache;
	}

	/**
	 * Put a version into the cache and return it as the cache serves it, numbered after every
	 * snapshot served before.
	 * @param versionId the version id
	 * @param json the value
	 * @return the served snapshot
	 */
	public SecretSnapshot serve(String versionId, String json) {
		this.cache.put(this.key, snapshot(versionId, json));
		return this.cache.getIfPresent(this.key);
	}

	/**
	 * A snapshot of the key that no cache has served (sequence 0).
	 * @param versionId the version id
	 * @param json the value
	 * @return the snapshot
	 */
	public SecretSnapshot snapshot(String versionId, String json) {
		return SecretSnapshot.ofString(this.key.secretId(), "arn:" + this.key.secretId(), versionId,
				Set.of("AWSCURRENT"), null, Instant.EPOCH, json);
	}

}
