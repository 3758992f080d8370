package dev.secretsstarter.config;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Counts the snapshot swaps of one cache (every version change, and every first load), so that a
 * property source over many secrets knows with one volatile read that none of them changed since
 * it last looked, instead of asking the cache about each. The cache calls listeners after the
 * swap: whoever reads a new count and then asks the cache sees the new snapshot.
 * <p>
 * For the imported keys it also keeps the last snapshot it heard of: a cache smaller than the
 * imports may evict a key again between reloading it and the property source's next read, and the
 * source must still serve the reloaded version, not the one it saw before the first eviction. The
 * cache calls listeners outside its lock, so two changes of a key may arrive in the opposite order:
 * the newer snapshot by {@link SecretSnapshot#sequence() sequence} is kept. These are snapshots the
 * property sources hold anyway. Thread-safe.
 */
final class SnapshotChanges implements SecretCacheListener {

	private final AtomicLong count = new AtomicLong();

	private final ConcurrentMap<SecretKey, SecretSnapshot> latest = new ConcurrentHashMap<>();

	@Override
	public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		// Before the count: a reader that sees the new count finds the snapshot.
		this.latest.computeIfPresent(key, (k, known) -> current.isOlderThan(known) ? known : current);
		this.count.incrementAndGet();
	}

	/**
	 * Keep the last snapshot heard of for a key from now on (unless one known is newer).
	 * @param key an imported key
	 * @param snapshot the snapshot imported
	 */
	void track(SecretKey key, SecretSnapshot snapshot) {
		this.latest.merge(key, snapshot, (known, imported) -> known.isOlderThan(imported) ? imported : known);
	}

	/**
	 * The last snapshot heard of for a tracked key.
	 * @param key the key
	 * @return the snapshot, or {@code null} if the key is not tracked
	 */
	@Nullable SecretSnapshot latest(SecretKey key) {
		return this.latest.get(key);
	}

	/**
	 * The number of swaps so far.
	 * @return the count
	 */
	long count() {
		return this.count.get();
	}

}
