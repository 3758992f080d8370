package dev.secretsstarter.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.secretsstarter.core.SecretsException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link SecretCache} over a {@link SecretsManagerClient}, backed by a bounded Caffeine cache.
 * <ul>
 * <li>Misses load once however many threads miss together (Caffeine's single-flight
 * {@code get(key, loader)}); {@link #refresh} is single-flight per key too.</li>
 * <li>{@link #getAll} loads AWSCURRENT misses with BatchGetSecretValue, 20 per call, chunks in
 * parallel on a small bounded pool ({@link BatchExecutor}); anything else with GetSecretValue.</li>
 * <li>Stale-on-error: a failed refresh keeps the value and schedules the next attempt with
 * exponential backoff and jitter; the value is served until {@code max-staleness} after it was
 * last confirmed current, then {@link #get} fails with a {@link SecretsException} saying why.</li>
 * <li>Listeners hear of version changes only, after the swap, outside any lock; so changes of one
 * key made on two threads may reach them in either order. Each snapshot stored is stamped with
 * the next {@link SecretSnapshot#sequence() sequence number} inside the atomic update of its key,
 * which tells them which change is the newer.</li>
 * <li>A refresh whose answer arrives after another thread {@link #put put} a different version
 * keeps that version: readers never see the version go back to what the refresh read.</li>
 * </ul>
 * Thread-safe. Reads of a present, fresh value never block on I/O.
 *
 * @author secrets-starter team
 */
public final class CaffeineSecretCache implements SecretCache {

	private static final Log logger = LogFactory.getLog(CaffeineSecretCache.class);

	// One counter for every cache: listeners attached to two caches can still compare numbers.
	private static final AtomicLong sequences = new AtomicLong();

	// Built on first use: Caffeine's classes and structures cost start-up time that an application
	// reading no secret does not need to pay.
	private final SingletonSupplier<Cache<SecretKey, CacheEntry>> cache;

	private final SecretFetcher fetcher;

	private final Clock clock;

	private final Duration maxStaleness;

	private final Backoff backoff;

	private final BatchExecutor batchExecutor = new BatchExecutor();

	private final List<SecretCacheListener> listeners = new CopyOnWriteArrayList<>();

	private final ConcurrentMap<SecretKey, CompletableFuture<SecretSnapshot>> refreshing = new ConcurrentHashMap<>();

	// Observability hook (metrics package): totals the cache counts itself, see SecretCacheStatistics.
	private final SecretCacheStatistics statistics = new SecretCacheStatistics();

	/**
	 * Create a cache.
	 * @param client the client to load with
	 * @param properties the cache settings
	 * @param clock the clock for staleness and backoff
	 */
	public CaffeineSecretCache(SecretsManagerClient client, SecretCacheProperties properties, Clock clock) {
		this(() -> client, properties, clock);
	}

	/**
	 * Create a cache whose client is obtained on the first load, so that an application that
	 * reads no secret never builds one.
	 * @param client supplies the client to load with, called on every load (memoize it if costly)
	 * @param properties the cache settings
	 * @param clock the clock for staleness and backoff
	 */
	public CaffeineSecretCache(Supplier<SecretsManagerClient> client, SecretCacheProperties properties, Clock clock) {
		this(client, properties, clock, new Backoff(properties.getBackoff()));
	}

	CaffeineSecretCache(SecretsManagerClient client, SecretCacheProperties properties, Clock clock, Backoff backoff) {
		this(() -> client, properties, clock, backoff);
	}

	CaffeineSecretCache(Supplier<SecretsManagerClient> client, SecretCacheProperties properties, Clock clock,
			Backoff backoff) {
		long maximumSize = properties.getMaximumSize();
		this.cache = SingletonSupplier.of(() -> Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.evictionListener((SecretKey key, CacheEntry value, RemovalCause cause) -> this.statistics.recordEviction())
			.build());
		this.fetcher = new SecretFetcher(client, clock);
		this.clock = clock;
		this.maxStaleness = properties.getMaxStaleness();
		this.backoff = backoff;
	}

	@Override
	public SecretSnapshot get(SecretKey key) {
		CacheEntry entry = this.cache.obtain().getIfPresent(key);
		if (entry == null) {
			this.statistics.recordMiss();
			return load(key);
		}
		if (isServable(key, entry)) {
			this.statistics.recordHit();
			return entry.snapshot();
		}
		this.statistics.recordMiss();
		refresh(key);
		CacheEntry after = this.cache.obtain().getIfPresent(key);
		if (after != null && isServable(key, after)) {
			return after.snapshot();
		}
		throw tooStale(key, (after != null) ? after : entry);
	}

	@Override
	public @Nullable SecretSnapshot getIfPresent(SecretKey key) {
		CacheEntry entry = this.cache.obtain().getIfPresent(key);
		return (entry != null) ? entry.snapshot() : null;
	}

	@Override
	public Map<SecretKey, SecretSnapshot> getAll(Collection<SecretKey> keys) {
		Map<SecretKey, SecretSnapshot> result = new LinkedHashMap<>();
		Map<SecretKey, RuntimeException> failures = new LinkedHashMap<>();
		List<SecretKey> batchable = new ArrayList<>();
		List<SecretKey> single = new ArrayList<>();
		for (SecretKey key : new LinkedHashSet<>(keys)) {
			CacheEntry entry = this.cache.obtain().getIfPresent(key);
			if (entry != null && isServable(key, entry)) {
				this.statistics.recordHit();
				result.put(key, entry.snapshot());
			}
			else if (entry == null && SecretKey.AWSCURRENT.equals(key.versionStage())) {
				this.statistics.recordMiss();
				batchable.add(key);
			}
			else {
				single.add(key);
			}
		}
		Map<SecretKey, SecretSnapshot> loaded = new ConcurrentHashMap<>();
		Map<SecretKey, RuntimeException> failed = new ConcurrentHashMap<>();
		if (!batchable.isEmpty()) {
			// A lazy client is obtained here, on the caller's thread (often the one creating beans),
			// not by the pool threads the chunks run on.
			this.fetcher.client();
		}
		this.batchExecutor.run(batchable, SecretFetcher.BATCH_SIZE, (chunk) -> {
			// The fetcher reports per-secret failures in the map rather than throwing: a chunk is a
			// successful load only when it loaded every secret it asked for.
			long start = System.nanoTime();
			boolean success = false;
			try {
				this.fetcher.fetchBatch(chunk, loaded, failed);
				success = loaded.keySet().containsAll(chunk);
			}
			finally {
				this.statistics.recordLoad(System.nanoTime() - start, success);
			}
		}, failed);
		for (SecretKey key : batchable) {
			SecretSnapshot snapshot = loaded.get(key);
			if (snapshot != null) {
				result.put(key, cacheLoaded(key, snapshot));
			}
			else {
				failures.put(key, failed.getOrDefault(key, new SecretsException(
						"Secret '" + key + "' was not returned by BatchGetSecretValue", key.secretId(),
						"BatchGetSecretValue", null, null)));
			}
		}
		for (SecretKey key : single) {
			try {
				result.put(key, get(key));
			}
			catch (RuntimeException ex) {
				failures.put(key, ex);
			}
		}
		if (!failures.isEmpty()) {
			throw new SecretLoadFailures(failures);
		}
		return result;
	}

	@Override
	public SecretSnapshot refresh(SecretKey key) {
		CacheEntry entry = this.cache.obtain().getIfPresent(key);
		if (entry == null) {
			return load(key);
		}
		if (entry.isBackingOff(this.clock.instant())) {
			return entry.snapshot();
		}
		CompletableFuture<SecretSnapshot> mine = new CompletableFuture<>();
		CompletableFuture<SecretSnapshot> running = this.refreshing.putIfAbsent(key, mine);
		if (running != null) {
			return join(running);
		}
		try {
			SecretSnapshot snapshot = fetchAndSwap(key, entry);
			mine.complete(snapshot);
			return snapshot;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.refreshing.remove(key, mine);
		}
	}

	private SecretSnapshot fetchAndSwap(SecretKey key, CacheEntry entry) {
		SecretSnapshot fetched;
		try {
			fetched = timed(() -> this.fetcher.fetch(key));
		}
		catch (RuntimeException ex) {
			markFailed(key, ex);
			CacheEntry after = this.cache.obtain().getIfPresent(key);
			return (after != null) ? after.snapshot() : entry.snapshot();
		}
		return swap(key, fetched, entry.snapshot());
	}

	@Override
	public void put(SecretKey key, SecretSnapshot snapshot) {
		swap(key, snapshot, null);
	}

	@Override
	public void markVerified(SecretKey key) {
		Instant now = this.clock.instant();
		this.cache.obtain().asMap().computeIfPresent(key, (k, entry) -> entry.verifiedAgain(now));
	}

	@Override
	public void markFailed(SecretKey key, Throwable failure) {
		Instant now = this.clock.instant();
		CacheEntry updated = this.cache.obtain().asMap()
			.computeIfPresent(key, (k, entry) -> entry.failed(failure, now, this.backoff.delay(entry.consecutiveFailures() + 1)));
		if (updated != null) {
			this.statistics.recordRefreshFailure();
		}
		if (updated != null && logger.isWarnEnabled()) {
			logger.warn("Refreshing secret '" + key + "' failed (" + updated.consecutiveFailures()
					+ " time(s) in a row); serving the value last verified at " + updated.verifiedAt()
					+ " until secrets.cache.max-staleness (" + this.maxStaleness + ") has passed; next attempt after "
					+ updated.retryAt() + ". Cause: " + failure.getMessage());
		}
	}

	@Override
	public Set<SecretKey> keys() {
		return Set.copyOf(this.cache.obtain().asMap().keySet());
	}

	@Override
	public void addListener(SecretCacheListener listener) {
		this.listeners.add(listener);
	}

	@Override
	public @Nullable SecretCacheEntryStatus status(SecretKey key) {
		CacheEntry entry = this.cache.obtain().getIfPresent(key);
		return (entry != null) ? entry.status(key) : null;
	}

	private SecretSnapshot load(SecretKey key) {
		boolean[] loadedHere = { false };
		CacheEntry entry = this.cache.obtain().get(key, (k) -> {
			loadedHere[0] = true;
			SecretSnapshot fetched = timed(() -> this.fetcher.fetch(k));
			return CacheEntry.verified(fetched.withSequence(sequences.incrementAndGet()), this.clock.instant());
		});
		if (loadedHere[0]) {
			notifyListeners(key, null, entry.snapshot());
		}
		return entry.snapshot();
	}

	// A batch load lost a race with a concurrent single load: keep what is cached. A compute, not
	// putIfAbsent, so that the sequence number is taken in the key's atomic update like any other.
	private SecretSnapshot cacheLoaded(SecretKey key, SecretSnapshot snapshot) {
		Instant now = this.clock.instant();
		boolean[] loadedHere = { false };
		CacheEntry entry = this.cache.obtain().asMap().compute(key, (k, existing) -> {
			if (existing != null) {
				return existing;
			}
			loadedHere[0] = true;
			return CacheEntry.verified(snapshot.withSequence(sequences.incrementAndGet()), now);
		});
		if (loadedHere[0]) {
			notifyListeners(key, null, entry.snapshot());
		}
		return entry.snapshot();
	}

	// expected: the snapshot cached when the fetch started (refresh), or null (put). A refresh's
	// answer may predate a version another thread put while it was in flight, and readers may
	// already have seen that version: the refresh then keeps it rather than going back.
	private SecretSnapshot swap(SecretKey key, SecretSnapshot fetched, @Nullable SecretSnapshot expected) {
		Instant now = this.clock.instant();
		SecretSnapshot[] previous = { null };
		CacheEntry updated = this.cache.obtain().asMap().compute(key, (k, old) -> {
			previous[0] = (old != null) ? old.snapshot() : null;
			if (expected != null && old != null && !old.snapshot().isSameVersion(expected)
					&& !old.snapshot().isSameVersion(fetched)) {
				return old;
			}
			boolean unchanged = old != null && old.snapshot().isSameVersion(fetched)
					&& old.snapshot().hasSameValue(fetched);
			// Keep the old instance when nothing changed, so readers that derive data from a
			// snapshot (property sources) can tell "unchanged" by identity.
			return CacheEntry.verified(unchanged ? old.snapshot() : fetched.withSequence(sequences.incrementAndGet()),
					now);
		});
		if (!updated.snapshot().isSameVersion(previous[0])) {
			notifyListeners(key, previous[0], updated.snapshot());
		}
		return updated.snapshot();
	}

	/**
	 * What this cache has done so far, for metrics.
	 * @return the live totals
	 */
	public SecretCacheStatistics statistics() {
		return this.statistics;
	}

	private <T> T timed(Supplier<T> fetch) {
		long start = System.nanoTime();
		boolean success = false;
		try {
			T result = fetch.get();
			success = true;
			return result;
		}
		finally {
			this.statistics.recordLoad(System.nanoTime() - start, success);
		}
	}

	private boolean isServable(SecretKey key, CacheEntry entry) {
		// A version id names an immutable version: it cannot go stale.
		return !key.isStaged() || !this.clock.instant().isAfter(entry.verifiedAt().plus(this.maxStaleness));
	}

	private SecretsException tooStale(SecretKey key, CacheEntry entry) {
		Duration age = Duration.between(entry.verifiedAt(), this.clock.instant());
		Throwable cause = entry.lastFailure();
		return new SecretsException("Secret '" + key + "' could not be refreshed and its cached value "
				+ "is too stale to serve: last verified at " + entry.verifiedAt() + ", " + age
				+ " ago, longer than secrets.cache.max-staleness (" + this.maxStaleness + "). Last error: "
				+ ((cause != null) ? cause.getMessage() : "none (the next attempt is backing off until "
						+ entry.retryAt() + ")")
				+ ". Fix the cause of the error, or raise secrets.cache.max-staleness to serve stale values longer.",
				key.secretId(), "GetSecretValue", (cause instanceof SecretsException secrets) ? secrets.getErrorCode() : null,
				cause);
	}

	private void notifyListeners(SecretKey key, @Nullable SecretSnapshot previous, SecretSnapshot current) {
		if (previous != null) {
			this.statistics.recordRotation();
		}
		for (SecretCacheListener listener : this.listeners) {
			try {
				listener.onSnapshotChanged(key, previous, current);
			}
			catch (RuntimeException ex) {
				logger.warn("Secret cache listener " + listener.getClass().getName() + " failed for secret '" + key
						+ "'; ignored", ex);
			}
		}
	}

	private static SecretSnapshot join(CompletableFuture<SecretSnapshot> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

}
