package dev.secretsstarter.config;

import java.util.concurrent.atomic.AtomicLong;

import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * Counts the snapshot swaps of one cache (every version change, and every first load), so that a
 * property source over many secrets knows with one volatile read that none of them changed since
 * it last looked, instead of asking the cache about each. The cache calls listeners after the
 * swap: whoever reads a new count and then asks the cache sees the new snapshot. Thread-safe.
 */
final class SnapshotChanges implements SecretCacheListener {

	private final AtomicLong count = new AtomicLong();

	@Override
	public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		this.count.incrementAndGet();
	}

	/**
	 * The number of swaps so far.
	 * @return the count
	 */
	long count() {
		return this.count.get();
	}

}
