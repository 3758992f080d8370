package dev.secretsstarter.cache;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the cache knows about one entry, without its value: for health, metrics and the actuator
 * endpoint.
 *
 * @param key the cache key
 * @param versionId the version id served
 * @param fetchedAt when the value served was downloaded
 * @param verifiedAt when the value was last confirmed current (downloaded or checked unchanged)
 * @param lastFailure the last refresh or check failure since {@code verifiedAt}, or {@code null}
 * @param lastFailureAt when it happened, or {@code null}
 * @param lastFailureKind what kind of failure it was, or {@code null}
 * @author secrets-starter team
 */
public record SecretCacheEntryStatus(SecretKey key, String versionId, Instant fetchedAt, Instant verifiedAt,
		@Nullable String lastFailure, @Nullable Instant lastFailureAt, @Nullable SecretFailureKind lastFailureKind) {

	/**
	 * Whether the last attempt to confirm the value failed (the value is served stale).
	 * @return whether stale
	 */
	public boolean isStale() {
		return this.lastFailure != null;
	}

}
