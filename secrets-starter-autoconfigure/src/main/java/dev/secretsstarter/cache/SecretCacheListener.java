package dev.secretsstarter.cache;

import org.jspecify.annotations.Nullable;

/**
 * Told when the cache starts serving a different version of a secret. Called after the swap,
 * on the thread that performed it, never under a cache lock; implementations must be quick and
 * must not throw (exceptions are logged and ignored).
 *
 * @author secrets-starter team
 */
@FunctionalInterface
public interface SecretCacheListener {

	/**
	 * A new snapshot replaced the previous one for this key.
	 * @param key the cache key
	 * @param previous the snapshot served before, or {@code null} on the first load
	 * @param current the snapshot served from now on
	 */
	void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current);

}
