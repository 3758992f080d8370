package dev.secretsstarter.actuate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.refresh.SecretRefreshStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code secrets} health contributor, computed from the cache and the state of rotation
 * detection without waiting for any API call:
 * <ul>
 * <li>{@code UP} while every cached value that follows a stage was confirmed current by its last
 * refresh or check, and rotation detection works;</li>
 * <li>{@link #DEGRADED} while some value is served stale (its last refresh failed and it is within
 * {@code secrets.cache.max-staleness}), or while the last polls for changes all failed
 * ({@code secrets.refresh.health-failure-threshold} in a row), so rotations are being missed
 * even if no cached value is stale yet (for example keys the cache evicted);</li>
 * <li>{@code DOWN} when a value's refresh failed and it is past the maximum staleness, so reading
 * it fails.</li>
 * </ul>
 * Details: {@code secrets} (how many keys are cached), {@code stale} and {@code expired} (the
 * affected keys, as {@code id@stage}), {@code maxStaleness}, and, when polling keeps failing,
 * {@code consecutiveFailedPolls} and {@code lastFailureKind} (such as {@code SERVICE_ERROR}); never
 * a value. Boot leaves a status it does not know out of the aggregate, so by default a degraded
 * {@code secrets} does not change the application's overall status; see the operations guide to
 * change that.
 * <p>
 * With polling on, the next poll checks every failed key again, and health follows. With polling
 * off nothing would, and a failed key would be reported until something happened to read it: so
 * whenever the status is not {@code UP}, this asks for a recheck of the failed keys (or of every
 * tracked key when only polls are failing), which {@code SecretsRefresher} runs in the background,
 * at most once per {@code secrets.refresh.interval}. The status returned is from the last read or
 * check; the next health request after a successful recheck is {@code UP}. Thread-safe.
 *
 * @author secrets-starter team
 */
public class SecretsHealthIndicator extends AbstractHealthIndicator {

	/** Values are served stale, or polls for changes keep failing. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Secret values are served stale, or changes to them cannot be detected");

	private final SecretCache cache;

	private final Clock clock;

	private final Duration maxStaleness;

	private final Supplier<@Nullable SecretRefreshStatus> refreshStatus;

	private final int failedPollsThreshold;

	private final Consumer<Set<SecretKey>> recheck;

	/**
	 * Create the indicator for the cache alone (no rotation detection).
	 * @param cache the cache to inspect
	 * @param clock the clock ages are measured with
	 * @param maxStaleness {@code secrets.cache.max-staleness}
	 */
	public SecretsHealthIndicator(SecretCache cache, Clock clock, Duration maxStaleness) {
		this(cache, clock, maxStaleness, () -> null, Integer.MAX_VALUE);
	}

	/**
	 * Create the indicator.
	 * @param cache the cache to inspect
	 * @param clock the clock ages are measured with
	 * @param maxStaleness {@code secrets.cache.max-staleness}
	 * @param refreshStatus the state of rotation detection, answering {@code null} without it
	 * @param failedPollsThreshold failed polls in a row from which health is degraded
	 * ({@code secrets.refresh.health-failure-threshold})
	 */
	public SecretsHealthIndicator(SecretCache cache, Clock clock, Duration maxStaleness,
			Supplier<@Nullable SecretRefreshStatus> refreshStatus, int failedPollsThreshold) {
		this(cache, clock, maxStaleness, refreshStatus, failedPollsThreshold, (keys) -> {
		});
	}

	/**
	 * Create the indicator.
	 * @param cache the cache to inspect
	 * @param clock the clock ages are measured with
	 * @param maxStaleness {@code secrets.cache.max-staleness}
	 * @param refreshStatus the state of rotation detection, answering {@code null} without it
	 * @param failedPollsThreshold failed polls in a row from which health is degraded
	 * ({@code secrets.refresh.health-failure-threshold})
	 * @param recheck told, whenever the status is not {@code UP}, the stale and expired keys (empty
	 * when only polls are failing); must not wait for I/O, and rate-limit what it does (such as
	 * {@code SecretsRefresher::recheck})
	 */
	public SecretsHealthIndicator(SecretCache cache, Clock clock, Duration maxStaleness,
			Supplier<@Nullable SecretRefreshStatus> refreshStatus, int failedPollsThreshold,
			Consumer<Set<SecretKey>> recheck) {
		super("Secrets health check failed");
		this.cache = cache;
		this.clock = clock;
		this.maxStaleness = maxStaleness;
		this.refreshStatus = refreshStatus;
		this.failedPollsThreshold = failedPollsThreshold;
		this.recheck = recheck;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> stale = new ArrayList<>();
		List<String> expired = new ArrayList<>();
		Set<SecretKey> failed = new LinkedHashSet<>();
		int cached = 0;
		for (SecretKey key : this.cache.keys()) {
			SecretCacheEntryStatus status = this.cache.status(key);
			if (status == null) {
				continue;
			}
			cached++;
			if (!key.isStaged() || !status.isStale()) {
				continue;
			}
			Duration age = Duration.between(status.verifiedAt(), this.clock.instant());
			(age.compareTo(this.maxStaleness) > 0 ? expired : stale).add(key.toString());
			failed.add(key);
		}
		stale.sort(null);
		expired.sort(null);
		SecretRefreshStatus refresh = this.refreshStatus.get();
		boolean pollsFailing = refresh != null && refresh.consecutiveFailedPolls() >= this.failedPollsThreshold;
		if (!failed.isEmpty() || pollsFailing) {
			this.recheck.accept(Collections.unmodifiableSet(failed));
		}
		builder.status(!expired.isEmpty() ? Status.DOWN : (!stale.isEmpty() || pollsFailing) ? DEGRADED : Status.UP)
			.withDetail("secrets", cached)
			.withDetail("maxStaleness", this.maxStaleness.toString());
		if (!stale.isEmpty()) {
			builder.withDetail("stale", stale);
		}
		if (!expired.isEmpty()) {
			builder.withDetail("expired", expired);
		}
		if (pollsFailing) {
			builder.withDetail("consecutiveFailedPolls", refresh.consecutiveFailedPolls());
			if (refresh.lastFailureKind() != null) {
				builder.withDetail("lastFailureKind", refresh.lastFailureKind().name());
			}
		}
	}

}
