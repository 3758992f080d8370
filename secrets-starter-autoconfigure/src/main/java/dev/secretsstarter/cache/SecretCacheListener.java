package dev.secretsstarter.cache;

import org.jspecify.annotations.Nullable;

/**
 * Told when the cache starts serving a different version of a secret. Called after the swap,
 * on the thread that performed it, never under a cache lock (a listener may create beans or read
 * the cache); implementations must be quick and must not throw (exceptions are logged and
 * ignored). A {@code put} or {@code refresh} returns after its listeners were called.
 * <p>
 * <strong>Order.</strong> Because no lock is held while listeners run, two changes of one key
 * made on two threads (a poll, and a read that reloads an evicted key or a DataSource's login
 * recovery) may reach a listener in the opposite order: v2 to v3, then v1 to v2. What is
 * guaranteed is that every snapshot the cache serves carries a {@link SecretSnapshot#sequence()
 * sequence number}, taken in the same atomic update of the key as the swap: of two notifications
 * of one key, the one whose {@code current} has the higher number is the newer, and a listener
 * that keeps state per key should ignore a {@code current} that
 * {@link SecretSnapshot#isOlderThan is older than} one it already holds. Snapshots a cache never
 * served (sequence {@code 0}) cannot be ordered.
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
