package dev.secretsstarter.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The application's cache of secret values. Every read of a secret (config import,
 * {@code @SecretValue}, live handles, the template's cached reads) goes through one instance.
 * <p>
 * Implementations are thread-safe: concurrent misses on one key cause one API call
 * (single-flight); a read of a present value never blocks on I/O; values are immutable
 * {@link SecretSnapshot snapshots}, so a reader sees one version's whole value.
 *
 * @author secrets-starter team
 */
public interface SecretCache {

	/**
	 * Return the value for a key, loading it on a miss.
	 * @param key the key
	 * @return the snapshot
	 * @throws dev.secretsstarter.core.SecretsException if it cannot be loaded, or the cached value
	 * is older than the maximum staleness and cannot be refreshed
	 */
	SecretSnapshot get(SecretKey key);

	/**
	 * Return the value for a key if cached, without I/O.
	 * @param key the key
	 * @return the snapshot, or {@code null}
	 */
	@Nullable SecretSnapshot getIfPresent(SecretKey key);

	/**
	 * Return the values for many keys, loading the missing ones in as few calls as possible
	 * (BatchGetSecretValue, 20 secrets per call). Keys that fail are reported together in one
	 * {@link SecretLoadFailures} after all others were loaded and cached.
	 * @param keys the keys
	 * @return the snapshots by key, for every key
	 * @throws SecretLoadFailures listing every key that failed and why
	 */
	Map<SecretKey, SecretSnapshot> getAll(Collection<SecretKey> keys);

	/**
	 * Fetch the value for a key now, even if cached (single-flight with concurrent loads), and
	 * notify listeners if the version changed. On failure the cached value stays.
	 * @param key the key
	 * @return the snapshot served from now on
	 */
	SecretSnapshot refresh(SecretKey key);

	/**
	 * Serve a snapshot fetched elsewhere (change detection fetched only what changed); notifies
	 * listeners if the version differs from the cached one.
	 * @param key the key
	 * @param snapshot the new snapshot
	 */
	void put(SecretKey key, SecretSnapshot snapshot);

	/**
	 * Record that a cached value was confirmed current without downloading it (change detection
	 * saw the same version id), so it does not count as stale.
	 * @param key the key
	 */
	void markVerified(SecretKey key);

	/**
	 * Record that confirming a cached value failed; the value stays and is served stale up to
	 * the maximum staleness.
	 * @param key the key
	 * @param failure the cause, never containing a value
	 */
	void markFailed(SecretKey key, Throwable failure);

	/**
	 * The keys currently cached.
	 * @return an immutable copy
	 */
	Set<SecretKey> keys();

	/**
	 * Register a listener told of every version change.
	 * @param listener the listener
	 */
	void addListener(SecretCacheListener listener);

	/**
	 * Status of a cached key, for health and the actuator endpoint; never includes a value.
	 * @param key the key
	 * @return the status, or {@code null} if not cached
	 */
	@Nullable SecretCacheEntryStatus status(SecretKey key);

}
