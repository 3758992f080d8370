package dev.secretsstarter.refresh;

import java.time.Duration;
import java.time.Instant;

import dev.secretsstarter.cache.SecretFailureKind;
import org.jspecify.annotations.Nullable;

/**
 * The state of rotation detection, for health, metrics and the actuator endpoint. Counters are
 * totals since start-up. Never holds a value. Immutable and thread-safe.
 *
 * @param enabled whether polling is on ({@code secrets.refresh.enabled})
 * @param strategy the detection strategy
 * @param interval the poll interval
 * @param trackedKeys how many keys are tracked now
 * @param polls how many polls ran
 * @param rotationsDetected how many new versions were taken into use
 * @param checkFailures how many checks of a key failed
 * @param consecutiveFailedPolls polls in a row in which every check failed (0 when healthy)
 * @param lastFailureKind the kind of the last failed check (of any poll), or {@code null} if none failed
 * @param lastPoll the last poll's result, or {@code null} before the first
 * @param lastSuccessAt when a poll last had at least one successful check, or {@code null}
 * @param nextPollAt when the next scheduled poll runs, or {@code null} if none is scheduled
 * @author secrets-starter team
 */
public record SecretRefreshStatus(boolean enabled, SecretRefreshProperties.DetectionStrategy strategy,
		Duration interval, int trackedKeys, long polls, long rotationsDetected, long checkFailures,
		int consecutiveFailedPolls, @Nullable SecretFailureKind lastFailureKind, @Nullable SecretPollResult lastPoll, @Nullable Instant lastSuccessAt,
		@Nullable Instant nextPollAt) {
}
