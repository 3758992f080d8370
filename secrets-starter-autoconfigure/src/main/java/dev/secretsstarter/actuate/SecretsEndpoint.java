package dev.secretsstarter.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import dev.secretsstarter.cache.SecretCache;
import dev.secretsstarter.cache.SecretCacheEntryStatus;
import dev.secretsstarter.cache.SecretKey;
import dev.secretsstarter.cache.SecretSnapshot;
import dev.secretsstarter.cache.SecretUsages;
import dev.secretsstarter.refresh.SecretRefreshStatus;
import dev.secretsstarter.refresh.SecretsRefresher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code secrets} actuator endpoint. Reading lists every tracked secret (every key in use or
 * cached): version id and stages served, where it is used, when it was fetched and last confirmed
 * current, its age and the last error — never a value. Writing refreshes one secret (every key of
 * that id) or all of them now.
 * <p>
 * Secret ids may contain {@code /}: {@code GET /actuator/secrets/db/credentials} reads
 * {@code db/credentials}. Thread-safe.
 *
 * @author secrets-starter team
 */
@Endpoint(id = "secrets")
public class SecretsEndpoint {

	private static final Log logger = LogFactory.getLog(SecretsEndpoint.class);

	private final SecretCache cache;

	private final SecretUsages usages;

	private final SecretRefresher refresher;

	private final Clock clock;

	private final Duration maxStaleness;

	private final Supplier<@Nullable SecretRefreshStatus> refreshStatus;

	/**
	 * Create the endpoint.
	 * @param cache the cache whose entries to show
	 * @param usages where secrets are used
	 * @param refresher how to refresh a key on request
	 * @param clock the clock ages are measured with
	 * @param maxStaleness how long a value may be served without being confirmed current
	 * @param refreshStatus the state of rotation detection, answering {@code null} without it
	 */
	public SecretsEndpoint(SecretCache cache, SecretUsages usages, SecretRefresher refresher, Clock clock,
			Duration maxStaleness, Supplier<@Nullable SecretRefreshStatus> refreshStatus) {
		this.cache = cache;
		this.usages = usages;
		this.refresher = refresher;
		this.clock = clock;
		this.maxStaleness = maxStaleness;
		this.refreshStatus = refreshStatus;
	}

	/**
	 * Every tracked secret.
	 * @return the descriptor
	 */
	@ReadOperation
	public SecretsDescriptor secrets() {
		return new SecretsDescriptor(this.maxStaleness, this.refreshStatus.get(),
				trackedKeys().stream().map(this::describe).toList());
	}

	/**
	 * The keys of one secret.
	 * @param path the secret id, split at {@code /}
	 * @return the descriptors, or {@code null} (404) if the secret is not tracked
	 */
	@ReadOperation
	public @Nullable List<SecretDescriptor> secret(@Selector(match = Match.ALL_REMAINING) String... path) {
		List<SecretKey> keys = keysOf(String.join("/", path));
		return keys.isEmpty() ? null : keys.stream().map(this::describe).toList();
	}

	/**
	 * Refresh every tracked secret now.
	 * @return what changed
	 */
	@WriteOperation
	public RefreshReport refreshAll() {
		return refresh(trackedKeys());
	}

	/**
	 * Refresh one secret now. Over HTTP, {@link SecretsEndpointWebExtension} answers 404 instead
	 * for a secret that is not tracked.
	 * @param path the secret id, split at {@code /}
	 * @return what changed; nothing if the secret is not tracked
	 */
	@WriteOperation
	public RefreshReport refreshSecret(@Selector(match = Match.ALL_REMAINING) String... path) {
		return refresh(keysOf(String.join("/", path)));
	}

	/**
	 * Whether any key the endpoint lists (in use or cached) is of this secret.
	 * @param secretId the secret name or ARN, as the application names it
	 * @return whether the secret is tracked
	 */
	boolean isUsed(String secretId) {
		return !keysOf(secretId).isEmpty();
	}

	private RefreshReport refresh(List<SecretKey> all) {
		// A version id names an immutable version: nothing to refresh.
		List<SecretKey> keys = all.stream().filter(SecretKey::isStaged).toList();
		Map<SecretKey, @Nullable SecretCacheEntryStatus> before = new LinkedHashMap<>();
		keys.forEach((key) -> before.put(key, this.cache.status(key)));
		Map<SecretKey, String> failures = keys.isEmpty() ? Map.of() : this.refresher.refresh(keys);
		List<RefreshResult> results = new ArrayList<>();
		for (SecretKey key : keys) {
			SecretCacheEntryStatus earlier = before.get(key);
			SecretCacheEntryStatus after = this.cache.status(key);
			String error = failures.get(key);
			if (error == null && after != null && after.lastFailureAt() != null
					&& (earlier == null || !Objects.equals(earlier.lastFailureAt(), after.lastFailureAt()))) {
				error = after.lastFailure();
			}
			if (error != null) {
				logger.debug("Refreshing secret '" + key + "' on request failed: " + error);
			}
			String previous = (earlier != null) ? earlier.versionId() : null;
			String current = (after != null) ? after.versionId() : null;
			results.add(new RefreshResult(key.secretId(), key.versionStage(), previous, current,
					current != null && !current.equals(previous), error));
		}
		return new RefreshReport(results);
	}

	private List<SecretKey> trackedKeys() {
		Set<SecretKey> keys = new LinkedHashSet<>(this.usages.keys());
		keys.addAll(this.cache.keys());
		return keys.stream().sorted(Comparator.comparing(SecretKey::toString)).toList();
	}

	private List<SecretKey> keysOf(String secretId) {
		return trackedKeys().stream().filter((key) -> key.secretId().equals(secretId)).toList();
	}

	private SecretDescriptor describe(SecretKey key) {
		SecretCacheEntryStatus status = this.cache.status(key);
		SecretSnapshot snapshot = this.cache.getIfPresent(key);
		List<String> usedBy = this.usages.usagesOf(key).stream().sorted().toList();
		if (status == null) {
			return new SecretDescriptor(key.secretId(), key.versionStage(), key.versionId(), null, List.of(), usedBy,
					State.NOT_CACHED, null, null, null, null, null);
		}
		Duration age = Duration.between(status.verifiedAt(), this.clock.instant());
		State state = State.of(key, status, age, this.maxStaleness);
		List<String> stages = (snapshot != null) ? snapshot.versionStages().stream().sorted().toList() : List.of();
		return new SecretDescriptor(key.secretId(), key.versionStage(), key.versionId(), status.versionId(), stages,
				usedBy, state, status.fetchedAt(), status.verifiedAt(), key.isStaged() ? age : null,
				status.lastFailure(), status.lastFailureAt());
	}

	/**
	 * Refreshes keys on request: the rotation machinery's manual refresh when present (it also
	 * refreshes dependent beans and publishes rotation events), else {@link SecretCache#refresh}.
	 */
	@FunctionalInterface
	public interface SecretRefresher {

		/**
		 * Refresh keys now; failures are reported, not thrown, and keep the previous values.
		 * @param keys the keys, all following a stage
		 * @return why each failed key failed (messages without values)
		 */
		Map<SecretKey, String> refresh(List<SecretKey> keys);

		/**
		 * A refresher that refreshes each key through the cache.
		 * @param cache the cache
		 * @return the refresher
		 */
		static SecretRefresher of(SecretCache cache) {
			return (keys) -> {
				Map<SecretKey, String> failures = new LinkedHashMap<>();
				for (SecretKey key : keys) {
					try {
						cache.refresh(key);
					}
					catch (RuntimeException ex) {
						failures.put(key, String.valueOf(ex.getMessage()));
					}
				}
				return failures;
			};
		}

		/**
		 * A refresher that runs a manual poll of the rotation machinery for the keys it tracks
		 * (those in use), and refreshes the others (only cached, for example read through the
		 * cache directly) through the cache, whose version changes the rotation machinery
		 * follows too.
		 * @param rotation the rotation machinery
		 * @param cache the cache
		 * @return the refresher
		 */
		static SecretRefresher of(SecretsRefresher rotation, SecretCache cache) {
			SecretRefresher throughCache = of(cache);
			return (keys) -> {
				// A poll checks only the keys in use: one only cached would be reported
				// "unchanged" without any call.
				Set<SecretKey> polled = rotation.trackedKeys();
				List<SecretKey> others = keys.stream().filter((key) -> !polled.contains(key)).toList();
				List<String> ids = keys.stream()
					.filter(polled::contains)
					.map(SecretKey::secretId)
					.distinct()
					.toList();
				Map<SecretKey, String> failures = new LinkedHashMap<>();
				if (!ids.isEmpty()) {
					failures.putAll(rotation.refreshNow(ids).failures());
				}
				failures.putAll(throughCache.refresh(others));
				return failures;
			};
		}

	}

	/**
	 * The endpoint's read output.
	 *
	 * @param maxStaleness how long a value may be served unconfirmed ({@code secrets.cache.max-staleness})
	 * @param refresh the state of rotation detection, or {@code null} without it
	 * @param secrets every tracked key
	 */
	public record SecretsDescriptor(Duration maxStaleness, @Nullable SecretRefreshStatus refresh,
			List<SecretDescriptor> secrets) {

	}

	/**
	 * One tracked key, without its value.
	 *
	 * @param secretId the secret name or ARN as the application names it
	 * @param versionStage the stage followed, or {@code null} for a fixed version
	 * @param requestedVersionId the fixed version id requested, or {@code null}
	 * @param versionId the version id served, or {@code null} if not cached
	 * @param stages the staging labels of the version served, when it was fetched
	 * @param usages where the application uses it
	 * @param state fresh, stale, expired or not cached
	 * @param fetchedAt when the value served was downloaded
	 * @param lastCheckedAt when it was last confirmed current
	 * @param age time since {@code lastCheckedAt} ({@code null} for a fixed version, which cannot go stale)
	 * @param lastError the last refresh error since then, or {@code null}
	 * @param lastErrorAt when it happened
	 */
	public record SecretDescriptor(String secretId, @Nullable String versionStage, @Nullable String requestedVersionId,
			@Nullable String versionId, List<String> stages, List<String> usages, State state,
			@Nullable Instant fetchedAt, @Nullable Instant lastCheckedAt, @Nullable Duration age,
			@Nullable String lastError, @Nullable Instant lastErrorAt) {

	}

	/**
	 * The state of a tracked key.
	 */
	public enum State {

		/** Confirmed current, or not yet due for a check. */
		FRESH,

		/** The last refresh failed; the value is served stale until the maximum staleness. */
		STALE,

		/** The last refresh failed and the value is past the maximum staleness: reads fail. */
		EXPIRED,

		/** In use but not in the cache (evicted, or an optional secret that does not exist). */
		NOT_CACHED;

		static State of(SecretKey key, SecretCacheEntryStatus status, Duration age, Duration maxStaleness) {
			if (!key.isStaged() || !status.isStale()) {
				return FRESH;
			}
			return (age.compareTo(maxStaleness) > 0) ? EXPIRED : STALE;
		}

	}

	/**
	 * The outcome of a refresh request.
	 *
	 * @param refreshed one result per key refreshed
	 */
	public record RefreshReport(List<RefreshResult> refreshed) {

	}

	/**
	 * The outcome of refreshing one key.
	 *
	 * @param secretId the secret
	 * @param versionStage the stage followed
	 * @param previousVersionId the version served before
	 * @param versionId the version served now
	 * @param changed whether a new version is served
	 * @param error why the refresh failed (the previous value stays), or {@code null}
	 */
	public record RefreshResult(String secretId, @Nullable String versionStage, @Nullable String previousVersionId,
			@Nullable String versionId, boolean changed, @Nullable String error) {

	}

}
