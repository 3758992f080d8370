package dev.secretsstarter.refresh;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheListener;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The last snapshot seen of each staged key, kept apart from the cache, and the cache listener
 * that reports version changes <em>relative to it</em>. The cache is bounded
 * ({@code secrets.cache.maximum-size}) and may evict a key the application still uses; loading it
 * again, it reports a first load (no previous snapshot). Against this record, such a reload at
 * another version is reported as a change from the version known before the eviction, so the
 * refresher handles it like any rotation; a reload of the same version is not reported.
 * <p>
 * It must see every load, including the {@code @SecretValue} loads made while singletons are
 * created, before the refresher exists: so it is a bean post-processor (created before other
 * singletons) that attaches to the cache at once when the cache was promoted from the config-data
 * phase, else as soon as the cache bean is initialized. Keys loaded before that (imports, in the
 * config-data phase) are seeded by the refresher from the property sources at start-up.
 * <p>
 * The snapshots held are those the property sources and injection sites already hold, so keeping
 * them costs no extra values in practice; keys not in use are dropped beyond a margin.
 * Thread-safe.
 */
final class KnownSnapshots implements SecretCacheListener, BeanPostProcessor, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(KnownSnapshots.class);

	/** Keys beyond the used ones that may be held before unused ones are dropped. */
	private static final int SLACK = 64;

	private final ConcurrentMap<SecretKey, SecretSnapshot> snapshots = new ConcurrentHashMap<>();

	private final Set<SecretCache> attached = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

	private final List<SecretCacheListener> listeners = new CopyOnWriteArrayList<>();

	// Until the refresher registers, nothing says which keys are in use: keep them all.
	private volatile @Nullable Supplier<Set<SecretKey>> used;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
			// The config-data phase registers its cache as a ready singleton: no post-processing
			// call will announce it. Look it up without creating any bean.
			for (String name : listable.getBeanNamesForType(SecretCache.class, true, false)) {
				if (listable.containsSingleton(name) && listable.getSingleton(name) instanceof SecretCache cache) {
					attach(cache);
				}
			}
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SecretCache cache) {
			attach(cache);
		}
		return bean;
	}

	/**
	 * Listen to a cache, once however often called.
	 * @param cache the cache
	 */
	void attach(SecretCache cache) {
		if (this.attached.add(cache)) {
			cache.addListener(this);
		}
	}

	/**
	 * Register a listener told of every version change relative to the known snapshot; its
	 * {@code previous} is {@code null} only for a key never seen before.
	 * @param listener the listener
	 * @param usedKeys supplies the keys in use, so that others can be dropped
	 */
	void addListener(SecretCacheListener listener, Supplier<Set<SecretKey>> usedKeys) {
		this.listeners.add(listener);
		this.used = usedKeys;
	}

	/**
	 * Record the change and pass it on relative to the known snapshot. The cache calls listeners
	 * outside its lock, so two changes of a key may arrive in the opposite order: one whose
	 * snapshot is older (by {@link SecretSnapshot#sequence() sequence}) than the one known was
	 * overtaken by a change already passed on, which ran from the version known then, and is
	 * dropped; the known snapshot never goes back.
	 */
	@Override
	public void onSnapshotChanged(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		// A version id names an immutable version: the cache's own report is all there is.
		SecretSnapshot known = null;
		if (key.isStaged()) {
			SecretSnapshot[] replaced = { null };
			SecretSnapshot kept = this.snapshots.compute(key, (k, old) -> {
				replaced[0] = old;
				return current.isOlderThan(old) ? old : current;
			});
			if (kept != current) {
				return;
			}
			known = replaced[0];
		}
		retainUsed();
		// The known snapshot is older than the cache's previous one when the change to that one has
		// not arrived yet: it is the one passed on last, so the change runs from it.
		SecretSnapshot before = (previous == null || (known != null && known.isOlderThan(previous))) ? known
				: previous;
		if (before != null && before.isSameVersion(current)) {
			return; // reloaded after an eviction at the version already known
		}
		for (SecretCacheListener listener : this.listeners) {
			try {
				listener.onSnapshotChanged(key, before, current);
			}
			catch (RuntimeException ex) {
				logger.warn("Secret change listener " + listener.getClass().getName() + " failed for secret '" + key
						+ "'; ignored", ex);
			}
		}
	}

	/**
	 * Record a snapshot unless one is known already that is not older.
	 * @param key the key
	 * @param snapshot the snapshot, or {@code null} to do nothing
	 */
	void seed(SecretKey key, @Nullable SecretSnapshot snapshot) {
		if (snapshot != null && key.isStaged()) {
			this.snapshots.merge(key, snapshot, (known, seeded) -> known.isOlderThan(seeded) ? seeded : known);
		}
	}

	// A key is recorded when loaded, which may be before its use is (a @SecretValue site is
	// recorded after its value was read): the margin keeps those, and bounds what reads of
	// secrets nobody tracks can hold.
	private void retainUsed() {
		Supplier<Set<SecretKey>> usedKeys = this.used;
		if (usedKeys != null && this.snapshots.size() > SLACK) {
			Set<SecretKey> keys = usedKeys.get();
			if (this.snapshots.size() > keys.size() + SLACK) {
				this.snapshots.keySet().retainAll(keys);
			}
		}
	}

}
