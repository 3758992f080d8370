package dev.secretsstarter.cache;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the cache holds per key: the snapshot served, when it was last confirmed current, and the
 * failure state of refreshes since then. Immutable; the cache swaps whole entries.
 *
 * @param snapshot the value served
 * @param verifiedAt when the value was last confirmed current
 * @param lastFailure the last failure since then, or {@code null}
 * @param lastFailureAt when it happened, or {@code null}
 * @param consecutiveFailures failures since the last success
 * @param retryAt no API call for this key before this instant, or {@code null}
 */
record CacheEntry(SecretSnapshot snapshot, Instant verifiedAt, @Nullable Throwable lastFailure,
		@Nullable Instant lastFailureAt, int consecutiveFailures, @Nullable Instant retryAt) {

	static CacheEntry verified(SecretSnapshot snapshot, Instant now) {
		return new CacheEntry(snapshot, now, null, null, 0, null);
	}

	CacheEntry verifiedAgain(Instant now) {
		return verified(this.snapshot, now);
	}

	CacheEntry failed(Throwable failure, Instant now, Duration backoff) {
		return new CacheEntry(this.snapshot, this.verifiedAt, failure, now, this.consecutiveFailures + 1,
				now.plus(backoff));
	}

	boolean isBackingOff(Instant now) {
		return this.retryAt != null && now.isBefore(this.retryAt);
	}

	SecretCacheEntryStatus status(SecretKey key) {
		return new SecretCacheEntryStatus(key, this.snapshot.versionId(), this.snapshot.fetchedAt(), this.verifiedAt,
				(this.lastFailure != null) ? String.valueOf(this.lastFailure.getMessage()) : null, this.lastFailureAt,
				(this.lastFailure != null) ? SecretFailureKind.of(this.lastFailure) : null);
	}

}
