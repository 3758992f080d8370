package dev.secretsstarter.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import dev.secretsstarter.cache.CaffeineSecretCache;
import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretCacheStatistics;
import dev.secretsstarter.cache.SecretKey;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Publishes what the {@link SecretCache} does and how old its values are:
 * <ul>
 * <li>{@code secrets.cache.gets} ({@code result=hit|miss}), {@code secrets.cache.loads}
 * ({@code result=success|failure}), {@code secrets.cache.load.duration},
 * {@code secrets.cache.evictions}, {@code secrets.rotations}, {@code secrets.refresh.failures}:
 * only for a {@link CaffeineSecretCache}, which counts them;</li>
 * <li>{@code secrets.cache.size} and {@code secrets.stalest.age}: the age of the stalest value
 * served (now minus when it was last confirmed current, over keys that follow a stage);</li>
 * <li>{@code secrets.secret.age} ({@code secret=<id>}): per secret, only when
 * {@code secrets.metrics.secret-id-tags} is on, for at most
 * {@code secrets.metrics.max-tagged-secrets} ids.</li>
 * </ul>
 * Thread-safe. No meter carries a value; only the opt-in per-secret gauge carries a secret id.
 *
 * @author secrets-starter team
 */
public final class SecretCacheMeterBinder implements MeterBinder {

	private static final Log logger = LogFactory.getLog(SecretCacheMeterBinder.class);

	private final SecretCache cache;

	private final Clock clock;

	private final SecretsMetricsProperties properties;

	private final Set<String> taggedIds = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean limitLogged = new AtomicBoolean();

	/**
	 * Create a binder.
	 * @param cache the cache to observe
	 * @param clock the clock ages are measured with
	 * @param properties the metrics settings
	 */
	public SecretCacheMeterBinder(SecretCache cache, Clock clock, SecretsMetricsProperties properties) {
		this.cache = cache;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.cache instanceof CaffeineSecretCache caffeine) {
			bindStatistics(registry, caffeine.statistics());
		}
		Gauge.builder("secrets.cache.size", this.cache, (cache) -> cache.keys().size())
			.description("Secret versions held in the cache")
			.register(registry);
		TimeGauge.builder("secrets.stalest.age", this, TimeUnit.MILLISECONDS, (binder) -> binder.stalestAgeMillis(null))
			.description("Age of the stalest secret value served: time since it was last confirmed current")
			.register(registry);
		if (this.properties.isSecretIdTags()) {
			this.cache.keys().forEach((key) -> tag(registry, key));
			this.cache.addListener((key, previous, current) -> {
				if (previous == null) {
					tag(registry, key);
				}
			});
		}
	}

	private void bindStatistics(MeterRegistry registry, SecretCacheStatistics statistics) {
		// One description per name: Micrometer keeps the first one registered.
		counter(registry, "secrets.cache.gets", "result", "hit", statistics, SecretCacheStatistics::hits,
				"Secret reads through the cache; a miss needed Secrets Manager");
		counter(registry, "secrets.cache.gets", "result", "miss", statistics, SecretCacheStatistics::misses,
				"Secret reads through the cache; a miss needed Secrets Manager");
		counter(registry, "secrets.cache.loads", "result", "success", statistics, SecretCacheStatistics::loadSuccesses,
				"Fetches from Secrets Manager by the cache");
		counter(registry, "secrets.cache.loads", "result", "failure", statistics, SecretCacheStatistics::loadFailures,
				"Fetches from Secrets Manager by the cache");
		FunctionTimer.builder("secrets.cache.load.duration", statistics,
				(stats) -> stats.loadSuccesses() + stats.loadFailures(), (stats) -> (double) stats.totalLoadNanos(),
				TimeUnit.NANOSECONDS)
			.description("Time the cache spent fetching from Secrets Manager")
			.register(registry);
		counter(registry, "secrets.cache.evictions", null, null, statistics, SecretCacheStatistics::evictions,
				"Secret versions evicted because the cache was full");
		counter(registry, "secrets.rotations", null, null, statistics, SecretCacheStatistics::rotations,
				"New versions of cached secrets picked up");
		counter(registry, "secrets.refresh.failures", null, null, statistics, SecretCacheStatistics::refreshFailures,
				"Failed refreshes or change checks; the previous value was served stale");
	}

	private static void counter(MeterRegistry registry, String name, @Nullable String tag, @Nullable String tagValue,
			SecretCacheStatistics statistics, ToLongFunction<SecretCacheStatistics> count, String description) {
		ToDoubleFunction<SecretCacheStatistics> asDouble = (stats) -> count.applyAsLong(stats);
		FunctionCounter.Builder<SecretCacheStatistics> builder = FunctionCounter.builder(name, statistics, asDouble)
			.description(description);
		if (tag != null && tagValue != null) {
			builder.tag(tag, tagValue);
		}
		builder.register(registry);
	}

	private void tag(MeterRegistry registry, SecretKey key) {
		String id = key.secretId();
		if (!key.isStaged() || this.taggedIds.contains(id)) {
			return;
		}
		synchronized (this.taggedIds) {
			if (this.taggedIds.size() >= this.properties.getMaxTaggedSecrets()) {
				if (this.limitLogged.compareAndSet(false, true)) {
					logger.info("More than secrets.metrics.max-tagged-secrets ("
							+ this.properties.getMaxTaggedSecrets()
							+ ") secrets are cached; the others get no per-secret secrets.secret.age gauge");
				}
				return;
			}
			if (!this.taggedIds.add(id)) {
				return;
			}
		}
		TimeGauge.builder("secrets.secret.age", this, TimeUnit.MILLISECONDS, (binder) -> binder.stalestAgeMillis(id))
			.description("Time since the secret's value was last confirmed current")
			.tag("secret", id)
			.register(registry);
	}

	// The age of the stalest staged value, of one secret id or (null) of all; 0 when none.
	double stalestAgeMillis(@Nullable String secretId) {
		long now = this.clock.millis();
		long oldest = now;
		for (SecretKey key : this.cache.keys()) {
			if (!key.isStaged() || (secretId != null && !secretId.equals(key.secretId()))) {
				continue;
			}
			SecretCacheEntryStatus status = this.cache.status(key);
			if (status != null) {
				oldest = Math.min(oldest, status.verifiedAt().toEpochMilli());
			}
		}
		return Math.max(0, Duration.ofMillis(now - oldest).toMillis());
	}

}
