package dev.secretsstarter.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.secretsstarter.cache.SecretKey;

/**
 * What one poll for changes found. Never holds a value: failures are messages that name the
 * secret and the cause. Immutable and thread-safe.
 *
 * @param trigger what started the poll
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param checked how many tracked keys were checked
 * @param changed how many of them had a new version (downloaded and now served)
 * @param failures the keys whose check failed, with the reason (their last good value stays)
 * @author secrets-starter team
 */
public record SecretPollResult(Trigger trigger, Instant startedAt, Instant finishedAt, int checked, int changed,
		Map<SecretKey, String> failures) {

	public SecretPollResult {
		failures = Map.copyOf(failures);
	}

	/**
	 * How many checks failed.
	 * @return the number of failed keys
	 */
	public int failed() {
		return this.failures.size();
	}

	/**
	 * Whether there was something to check and every check failed (for example, the endpoint is
	 * unreachable). Such polls back off.
	 * @return whether the poll failed as a whole
	 */
	public boolean failedEntirely() {
		return this.checked > 0 && this.failures.size() >= this.checked;
	}

	/**
	 * How long the poll took.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.between(this.startedAt, this.finishedAt);
	}

	/**
	 * What started a poll.
	 */
	public enum Trigger {

		/** The interval elapsed. */
		SCHEDULED,

		/** An application asked for it ({@link SecretsRefresher#refreshNow()}, the actuator). */
		MANUAL,

		/** An in-process secrets-local server reported a change. */
		LOCAL_PUSH,

		/**
		 * With polling off, the secrets health contributor asked to check secrets whose last
		 * read or check failed ({@link SecretsRefresher#recheck}).
		 */
		HEALTH

	}

}
